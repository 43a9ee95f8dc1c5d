import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace safewatch. */
export namespace safewatch {

    /** Namespace v1. */
    namespace v1 {

        /** AlertType enum. */
        enum AlertType {

            /** ALERT_TYPE_UNSPECIFIED value */
            ALERT_TYPE_UNSPECIFIED = 0,

            /** ALERT_TYPE_SPEEDING value */
            ALERT_TYPE_SPEEDING = 1,

            /** ALERT_TYPE_FATIGUE_CONTINUOUS value */
            ALERT_TYPE_FATIGUE_CONTINUOUS = 2,

            /** ALERT_TYPE_FATIGUE_DAILY value */
            ALERT_TYPE_FATIGUE_DAILY = 3,

            /** ALERT_TYPE_QUALIFICATION_CERT_EXPIRING value */
            ALERT_TYPE_QUALIFICATION_CERT_EXPIRING = 4,

            /** ALERT_TYPE_QUALIFICATION_CERT_EXPIRED value */
            ALERT_TYPE_QUALIFICATION_CERT_EXPIRED = 5,

            /** ALERT_TYPE_TRANSPORT_CERT_EXPIRING value */
            ALERT_TYPE_TRANSPORT_CERT_EXPIRING = 6,

            /** ALERT_TYPE_TRANSPORT_CERT_EXPIRED value */
            ALERT_TYPE_TRANSPORT_CERT_EXPIRED = 7,

            /** ALERT_TYPE_FATIGUE_PRE_WARNING value */
            ALERT_TYPE_FATIGUE_PRE_WARNING = 8
        }

        /** AlertPhase enum. */
        enum AlertPhase {

            /** ALERT_PHASE_UNSPECIFIED value */
            ALERT_PHASE_UNSPECIFIED = 0,

            /** ALERT_PHASE_STARTED value */
            ALERT_PHASE_STARTED = 1,

            /** ALERT_PHASE_ENDED value */
            ALERT_PHASE_ENDED = 2,

            /** ALERT_PHASE_RAISED value */
            ALERT_PHASE_RAISED = 3
        }

        /** AlertSource enum. */
        enum AlertSource {

            /** ALERT_SOURCE_UNSPECIFIED value */
            ALERT_SOURCE_UNSPECIFIED = 0,

            /** ALERT_SOURCE_DETECTED value */
            ALERT_SOURCE_DETECTED = 1,

            /** ALERT_SOURCE_PLATFORM value */
            ALERT_SOURCE_PLATFORM = 2,

            /** ALERT_SOURCE_DETECTED_AND_PLATFORM value */
            ALERT_SOURCE_DETECTED_AND_PLATFORM = 3
        }

        /** RestStopType enum. */
        enum RestStopType {

            /** REST_STOP_TYPE_UNSPECIFIED value */
            REST_STOP_TYPE_UNSPECIFIED = 0,

            /** REST_STOP_TYPE_FUEL_STATION value */
            REST_STOP_TYPE_FUEL_STATION = 1,

            /** REST_STOP_TYPE_LOGISTICS_PARK value */
            REST_STOP_TYPE_LOGISTICS_PARK = 2,

            /** REST_STOP_TYPE_EXPRESSWAY_SERVICE_AREA value */
            REST_STOP_TYPE_EXPRESSWAY_SERVICE_AREA = 3,

            /** REST_STOP_TYPE_OTHER value */
            REST_STOP_TYPE_OTHER = 9
        }

        /**
         * Properties of a RestStop.
         * @deprecated Use safewatch.v1.RestStop.$Properties instead.
         */
        interface IRestStop extends safewatch.v1.RestStop.$Properties {
        }

        /** Represents a RestStop. */
        class RestStop {

            /**
             * Constructs a new RestStop.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.RestStop.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RestStop id. */
            id: string;

            /** RestStop name. */
            name: string;

            /** RestStop type. */
            type: safewatch.v1.RestStopType;

            /** RestStop location. */
            location?: (safewatch.v1.GeoPoint.$Properties|null);

            /** RestStop services. */
            services: string[];

            /** RestStop distanceM. */
            distanceM: number;

            /**
             * Creates a new RestStop instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RestStop instance
             */
            static create(properties: safewatch.v1.RestStop.$Shape): safewatch.v1.RestStop & safewatch.v1.RestStop.$Shape;
            static create(properties?: safewatch.v1.RestStop.$Properties): safewatch.v1.RestStop;

            /**
             * Encodes the specified RestStop message. Does not implicitly {@link safewatch.v1.RestStop.verify|verify} messages.
             * @param m RestStop message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.RestStop.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RestStop message, length delimited. Does not implicitly {@link safewatch.v1.RestStop.verify|verify} messages.
             * @param message RestStop message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.RestStop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RestStop message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.RestStop & safewatch.v1.RestStop.$Shape} RestStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.RestStop & safewatch.v1.RestStop.$Shape;

            /**
             * Decodes a RestStop message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.RestStop & safewatch.v1.RestStop.$Shape} RestStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.RestStop & safewatch.v1.RestStop.$Shape;

            /**
             * Verifies a RestStop message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a RestStop message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns RestStop
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.RestStop;

            /**
             * Creates a plain object from a RestStop message. Also converts values to other types if specified.
             * @param m RestStop
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.RestStop, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RestStop to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RestStop
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RestStop {

            /** Properties of a RestStop. */
            interface $Properties {

                /** RestStop id */
                id?: (string|null);

                /** RestStop name */
                name?: (string|null);

                /** RestStop type */
                type?: (safewatch.v1.RestStopType|null);

                /** RestStop location */
                location?: (safewatch.v1.GeoPoint.$Properties|null);

                /** RestStop services */
                services?: (string[]|null);

                /** RestStop distanceM */
                distanceM?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RestStop. */
            type $Shape = safewatch.v1.RestStop.$Properties;
        }

        /**
         * Properties of a SpeedingDetail.
         * @deprecated Use safewatch.v1.SpeedingDetail.$Properties instead.
         */
        interface ISpeedingDetail extends safewatch.v1.SpeedingDetail.$Properties {
        }

        /** Represents a SpeedingDetail. */
        class SpeedingDetail {

            /**
             * Constructs a new SpeedingDetail.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.SpeedingDetail.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SpeedingDetail startMs. */
            startMs: number;

            /** SpeedingDetail endMs. */
            endMs: number;

            /** SpeedingDetail peakSpeedDkmh. */
            peakSpeedDkmh: number;

            /** SpeedingDetail limitKmh. */
            limitKmh: number;

            /** SpeedingDetail durationS. */
            durationS: number;

            /** SpeedingDetail startPlace. */
            startPlace?: (safewatch.v1.GeoPoint.$Properties|null);

            /** SpeedingDetail endPlace. */
            endPlace?: (safewatch.v1.GeoPoint.$Properties|null);

            /** SpeedingDetail zoneId. */
            zoneId: string;

            /**
             * Creates a new SpeedingDetail instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SpeedingDetail instance
             */
            static create(properties: safewatch.v1.SpeedingDetail.$Shape): safewatch.v1.SpeedingDetail & safewatch.v1.SpeedingDetail.$Shape;
            static create(properties?: safewatch.v1.SpeedingDetail.$Properties): safewatch.v1.SpeedingDetail;

            /**
             * Encodes the specified SpeedingDetail message. Does not implicitly {@link safewatch.v1.SpeedingDetail.verify|verify} messages.
             * @param m SpeedingDetail message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.SpeedingDetail.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SpeedingDetail message, length delimited. Does not implicitly {@link safewatch.v1.SpeedingDetail.verify|verify} messages.
             * @param message SpeedingDetail message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.SpeedingDetail.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SpeedingDetail message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.SpeedingDetail & safewatch.v1.SpeedingDetail.$Shape} SpeedingDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.SpeedingDetail & safewatch.v1.SpeedingDetail.$Shape;

            /**
             * Decodes a SpeedingDetail message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.SpeedingDetail & safewatch.v1.SpeedingDetail.$Shape} SpeedingDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.SpeedingDetail & safewatch.v1.SpeedingDetail.$Shape;

            /**
             * Verifies a SpeedingDetail message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SpeedingDetail message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SpeedingDetail
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.SpeedingDetail;

            /**
             * Creates a plain object from a SpeedingDetail message. Also converts values to other types if specified.
             * @param m SpeedingDetail
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.SpeedingDetail, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SpeedingDetail to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SpeedingDetail
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SpeedingDetail {

            /** Properties of a SpeedingDetail. */
            interface $Properties {

                /** SpeedingDetail startMs */
                startMs?: (number|null);

                /** SpeedingDetail endMs */
                endMs?: (number|null);

                /** SpeedingDetail peakSpeedDkmh */
                peakSpeedDkmh?: (number|null);

                /** SpeedingDetail limitKmh */
                limitKmh?: (number|null);

                /** SpeedingDetail durationS */
                durationS?: (number|null);

                /** SpeedingDetail startPlace */
                startPlace?: (safewatch.v1.GeoPoint.$Properties|null);

                /** SpeedingDetail endPlace */
                endPlace?: (safewatch.v1.GeoPoint.$Properties|null);

                /** SpeedingDetail zoneId */
                zoneId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SpeedingDetail. */
            type $Shape = safewatch.v1.SpeedingDetail.$Properties;
        }

        /**
         * Properties of a FatigueDetail.
         * @deprecated Use safewatch.v1.FatigueDetail.$Properties instead.
         */
        interface IFatigueDetail extends safewatch.v1.FatigueDetail.$Properties {
        }

        /** Represents a FatigueDetail. */
        class FatigueDetail {

            /**
             * Constructs a new FatigueDetail.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.FatigueDetail.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FatigueDetail drivingSinceMs. */
            drivingSinceMs: number;

            /** FatigueDetail continuousDrivingS. */
            continuousDrivingS: number;

            /** FatigueDetail cumulativeDrivingS. */
            cumulativeDrivingS: number;

            /** FatigueDetail limitS. */
            limitS: number;

            /** FatigueDetail place. */
            place?: (safewatch.v1.GeoPoint.$Properties|null);

            /** FatigueDetail headingDeg. */
            headingDeg: number;

            /** FatigueDetail suggestedRestStops. */
            suggestedRestStops: safewatch.v1.RestStop.$Properties[];

            /**
             * Creates a new FatigueDetail instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FatigueDetail instance
             */
            static create(properties: safewatch.v1.FatigueDetail.$Shape): safewatch.v1.FatigueDetail & safewatch.v1.FatigueDetail.$Shape;
            static create(properties?: safewatch.v1.FatigueDetail.$Properties): safewatch.v1.FatigueDetail;

            /**
             * Encodes the specified FatigueDetail message. Does not implicitly {@link safewatch.v1.FatigueDetail.verify|verify} messages.
             * @param m FatigueDetail message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.FatigueDetail.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified FatigueDetail message, length delimited. Does not implicitly {@link safewatch.v1.FatigueDetail.verify|verify} messages.
             * @param message FatigueDetail message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.FatigueDetail.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FatigueDetail message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.FatigueDetail & safewatch.v1.FatigueDetail.$Shape} FatigueDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.FatigueDetail & safewatch.v1.FatigueDetail.$Shape;

            /**
             * Decodes a FatigueDetail message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.FatigueDetail & safewatch.v1.FatigueDetail.$Shape} FatigueDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.FatigueDetail & safewatch.v1.FatigueDetail.$Shape;

            /**
             * Verifies a FatigueDetail message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a FatigueDetail message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns FatigueDetail
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.FatigueDetail;

            /**
             * Creates a plain object from a FatigueDetail message. Also converts values to other types if specified.
             * @param m FatigueDetail
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.FatigueDetail, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this FatigueDetail to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for FatigueDetail
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FatigueDetail {

            /** Properties of a FatigueDetail. */
            interface $Properties {

                /** FatigueDetail drivingSinceMs */
                drivingSinceMs?: (number|null);

                /** FatigueDetail continuousDrivingS */
                continuousDrivingS?: (number|null);

                /** FatigueDetail cumulativeDrivingS */
                cumulativeDrivingS?: (number|null);

                /** FatigueDetail limitS */
                limitS?: (number|null);

                /** FatigueDetail place */
                place?: (safewatch.v1.GeoPoint.$Properties|null);

                /** FatigueDetail headingDeg */
                headingDeg?: (number|null);

                /** FatigueDetail suggestedRestStops */
                suggestedRestStops?: (safewatch.v1.RestStop.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FatigueDetail. */
            type $Shape = safewatch.v1.FatigueDetail.$Properties;
        }

        /**
         * Properties of a CertificateDetail.
         * @deprecated Use safewatch.v1.CertificateDetail.$Properties instead.
         */
        interface ICertificateDetail extends safewatch.v1.CertificateDetail.$Properties {
        }

        /** Represents a CertificateDetail. */
        class CertificateDetail {

            /**
             * Constructs a new CertificateDetail.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.CertificateDetail.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CertificateDetail expiresOn. */
            expiresOn: string;

            /** CertificateDetail daysLeft. */
            daysLeft: number;

            /** CertificateDetail driverId. */
            driverId: string;

            /** CertificateDetail certificate. */
            certificate: string;

            /**
             * Creates a new CertificateDetail instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CertificateDetail instance
             */
            static create(properties: safewatch.v1.CertificateDetail.$Shape): safewatch.v1.CertificateDetail & safewatch.v1.CertificateDetail.$Shape;
            static create(properties?: safewatch.v1.CertificateDetail.$Properties): safewatch.v1.CertificateDetail;

            /**
             * Encodes the specified CertificateDetail message. Does not implicitly {@link safewatch.v1.CertificateDetail.verify|verify} messages.
             * @param m CertificateDetail message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.CertificateDetail.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CertificateDetail message, length delimited. Does not implicitly {@link safewatch.v1.CertificateDetail.verify|verify} messages.
             * @param message CertificateDetail message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.CertificateDetail.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CertificateDetail message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.CertificateDetail & safewatch.v1.CertificateDetail.$Shape} CertificateDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.CertificateDetail & safewatch.v1.CertificateDetail.$Shape;

            /**
             * Decodes a CertificateDetail message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.CertificateDetail & safewatch.v1.CertificateDetail.$Shape} CertificateDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.CertificateDetail & safewatch.v1.CertificateDetail.$Shape;

            /**
             * Verifies a CertificateDetail message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a CertificateDetail message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns CertificateDetail
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.CertificateDetail;

            /**
             * Creates a plain object from a CertificateDetail message. Also converts values to other types if specified.
             * @param m CertificateDetail
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.CertificateDetail, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CertificateDetail to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CertificateDetail
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CertificateDetail {

            /** Properties of a CertificateDetail. */
            interface $Properties {

                /** CertificateDetail expiresOn */
                expiresOn?: (string|null);

                /** CertificateDetail daysLeft */
                daysLeft?: (number|null);

                /** CertificateDetail driverId */
                driverId?: (string|null);

                /** CertificateDetail certificate */
                certificate?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CertificateDetail. */
            type $Shape = safewatch.v1.CertificateDetail.$Properties;
        }

        /**
         * Properties of an Alert.
         * @deprecated Use safewatch.v1.Alert.$Properties instead.
         */
        interface IAlert extends safewatch.v1.Alert.$Properties {
        }

        /** Represents an Alert. */
        class Alert {

            /**
             * Constructs a new Alert.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.Alert.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Alert alertId. */
            alertId: string;

            /** Alert vehicle. */
            vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

            /** Alert type. */
            type: safewatch.v1.AlertType;

            /** Alert phase. */
            phase: safewatch.v1.AlertPhase;

            /** Alert source. */
            source: safewatch.v1.AlertSource;

            /** Alert occurredAtMs. */
            occurredAtMs: number;

            /** Alert episodeStartMs. */
            episodeStartMs: number;

            /** Alert speeding. */
            speeding?: (safewatch.v1.SpeedingDetail.$Properties|null);

            /** Alert fatigue. */
            fatigue?: (safewatch.v1.FatigueDetail.$Properties|null);

            /** Alert certificate. */
            certificate?: (safewatch.v1.CertificateDetail.$Properties|null);

            /** Alert detail. */
            detail?: ("speeding"|"fatigue"|"certificate");

            /**
             * Creates a new Alert instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Alert instance
             */
            static create(properties: safewatch.v1.Alert.$Shape): safewatch.v1.Alert & safewatch.v1.Alert.$Shape;
            static create(properties?: safewatch.v1.Alert.$Properties): safewatch.v1.Alert;

            /**
             * Encodes the specified Alert message. Does not implicitly {@link safewatch.v1.Alert.verify|verify} messages.
             * @param m Alert message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.Alert.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Alert message, length delimited. Does not implicitly {@link safewatch.v1.Alert.verify|verify} messages.
             * @param message Alert message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.Alert.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Alert message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.Alert & safewatch.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.Alert & safewatch.v1.Alert.$Shape;

            /**
             * Decodes an Alert message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.Alert & safewatch.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.Alert & safewatch.v1.Alert.$Shape;

            /**
             * Verifies an Alert message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Alert message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Alert
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.Alert;

            /**
             * Creates a plain object from an Alert message. Also converts values to other types if specified.
             * @param m Alert
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.Alert, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Alert to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Alert
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Alert {

            /** Properties of an Alert. */
            interface $Properties {

                /** Alert alertId */
                alertId?: (string|null);

                /** Alert vehicle */
                vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

                /** Alert type */
                type?: (safewatch.v1.AlertType|null);

                /** Alert phase */
                phase?: (safewatch.v1.AlertPhase|null);

                /** Alert source */
                source?: (safewatch.v1.AlertSource|null);

                /** Alert occurredAtMs */
                occurredAtMs?: (number|null);

                /** Alert episodeStartMs */
                episodeStartMs?: (number|null);

                /** Alert speeding */
                speeding?: (safewatch.v1.SpeedingDetail.$Properties|null);

                /** Alert fatigue */
                fatigue?: (safewatch.v1.FatigueDetail.$Properties|null);

                /** Alert certificate */
                certificate?: (safewatch.v1.CertificateDetail.$Properties|null);

                /** Alert detail */
                detail?: ("speeding"|"fatigue"|"certificate");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Alert. */
            type $Shape = {
              alertId?: string|null;
              vehicle?: safewatch.v1.VehicleRef.$Shape|null;
              type?: safewatch.v1.AlertType|null;
              phase?: safewatch.v1.AlertPhase|null;
              source?: safewatch.v1.AlertSource|null;
              occurredAtMs?: number|null;
              episodeStartMs?: number|null;
              speeding?: safewatch.v1.SpeedingDetail.$Shape|null;
              fatigue?: safewatch.v1.FatigueDetail.$Shape|null;
              certificate?: safewatch.v1.CertificateDetail.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ detail?: undefined; speeding?: null; fatigue?: null; certificate?: null }|{ detail?: "speeding"; speeding: safewatch.v1.SpeedingDetail.$Shape; fatigue?: null; certificate?: null }|{ detail?: "fatigue"; speeding?: null; fatigue: safewatch.v1.FatigueDetail.$Shape; certificate?: null }|{ detail?: "certificate"; speeding?: null; fatigue?: null; certificate: safewatch.v1.CertificateDetail.$Shape })
            );
        }

        /** PlateColor enum. */
        enum PlateColor {

            /** PLATE_COLOR_UNSPECIFIED value */
            PLATE_COLOR_UNSPECIFIED = 0,

            /** PLATE_COLOR_BLUE value */
            PLATE_COLOR_BLUE = 1,

            /** PLATE_COLOR_YELLOW value */
            PLATE_COLOR_YELLOW = 2,

            /** PLATE_COLOR_BLACK value */
            PLATE_COLOR_BLACK = 3,

            /** PLATE_COLOR_WHITE value */
            PLATE_COLOR_WHITE = 4,

            /** PLATE_COLOR_GREEN value */
            PLATE_COLOR_GREEN = 5,

            /** PLATE_COLOR_OTHER value */
            PLATE_COLOR_OTHER = 9,

            /** PLATE_COLOR_FARM_YELLOW value */
            PLATE_COLOR_FARM_YELLOW = 91,

            /** PLATE_COLOR_FARM_GREEN value */
            PLATE_COLOR_FARM_GREEN = 92,

            /** PLATE_COLOR_YELLOW_GREEN value */
            PLATE_COLOR_YELLOW_GREEN = 93,

            /** PLATE_COLOR_GRADIENT_GREEN value */
            PLATE_COLOR_GRADIENT_GREEN = 94
        }

        /**
         * Properties of a VehicleRef.
         * @deprecated Use safewatch.v1.VehicleRef.$Properties instead.
         */
        interface IVehicleRef extends safewatch.v1.VehicleRef.$Properties {
        }

        /** Represents a VehicleRef. */
        class VehicleRef {

            /**
             * Constructs a new VehicleRef.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.VehicleRef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VehicleRef plateNumber. */
            plateNumber: string;

            /** VehicleRef plateColor. */
            plateColor: safewatch.v1.PlateColor;

            /**
             * Creates a new VehicleRef instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VehicleRef instance
             */
            static create(properties: safewatch.v1.VehicleRef.$Shape): safewatch.v1.VehicleRef & safewatch.v1.VehicleRef.$Shape;
            static create(properties?: safewatch.v1.VehicleRef.$Properties): safewatch.v1.VehicleRef;

            /**
             * Encodes the specified VehicleRef message. Does not implicitly {@link safewatch.v1.VehicleRef.verify|verify} messages.
             * @param m VehicleRef message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.VehicleRef.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified VehicleRef message, length delimited. Does not implicitly {@link safewatch.v1.VehicleRef.verify|verify} messages.
             * @param message VehicleRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.VehicleRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VehicleRef message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.VehicleRef & safewatch.v1.VehicleRef.$Shape} VehicleRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.VehicleRef & safewatch.v1.VehicleRef.$Shape;

            /**
             * Decodes a VehicleRef message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.VehicleRef & safewatch.v1.VehicleRef.$Shape} VehicleRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.VehicleRef & safewatch.v1.VehicleRef.$Shape;

            /**
             * Verifies a VehicleRef message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a VehicleRef message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns VehicleRef
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.VehicleRef;

            /**
             * Creates a plain object from a VehicleRef message. Also converts values to other types if specified.
             * @param m VehicleRef
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.VehicleRef, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this VehicleRef to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for VehicleRef
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace VehicleRef {

            /** Properties of a VehicleRef. */
            interface $Properties {

                /** VehicleRef plateNumber */
                plateNumber?: (string|null);

                /** VehicleRef plateColor */
                plateColor?: (safewatch.v1.PlateColor|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a VehicleRef. */
            type $Shape = safewatch.v1.VehicleRef.$Properties;
        }

        /**
         * Properties of a GeoPoint.
         * @deprecated Use safewatch.v1.GeoPoint.$Properties instead.
         */
        interface IGeoPoint extends safewatch.v1.GeoPoint.$Properties {
        }

        /** Represents a GeoPoint. */
        class GeoPoint {

            /**
             * Constructs a new GeoPoint.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.GeoPoint.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GeoPoint latE6. */
            latE6: number;

            /** GeoPoint lonE6. */
            lonE6: number;

            /**
             * Creates a new GeoPoint instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GeoPoint instance
             */
            static create(properties: safewatch.v1.GeoPoint.$Shape): safewatch.v1.GeoPoint & safewatch.v1.GeoPoint.$Shape;
            static create(properties?: safewatch.v1.GeoPoint.$Properties): safewatch.v1.GeoPoint;

            /**
             * Encodes the specified GeoPoint message. Does not implicitly {@link safewatch.v1.GeoPoint.verify|verify} messages.
             * @param m GeoPoint message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.GeoPoint.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified GeoPoint message, length delimited. Does not implicitly {@link safewatch.v1.GeoPoint.verify|verify} messages.
             * @param message GeoPoint message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.GeoPoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GeoPoint message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.GeoPoint & safewatch.v1.GeoPoint.$Shape} GeoPoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.GeoPoint & safewatch.v1.GeoPoint.$Shape;

            /**
             * Decodes a GeoPoint message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.GeoPoint & safewatch.v1.GeoPoint.$Shape} GeoPoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.GeoPoint & safewatch.v1.GeoPoint.$Shape;

            /**
             * Verifies a GeoPoint message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a GeoPoint message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns GeoPoint
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.GeoPoint;

            /**
             * Creates a plain object from a GeoPoint message. Also converts values to other types if specified.
             * @param m GeoPoint
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.GeoPoint, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GeoPoint to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for GeoPoint
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GeoPoint {

            /** Properties of a GeoPoint. */
            interface $Properties {

                /** GeoPoint latE6 */
                latE6?: (number|null);

                /** GeoPoint lonE6 */
                lonE6?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GeoPoint. */
            type $Shape = safewatch.v1.GeoPoint.$Properties;
        }

        /**
         * Properties of an AlertsVehicleState.
         * @deprecated Use safewatch.v1.AlertsVehicleState.$Properties instead.
         */
        interface IAlertsVehicleState extends safewatch.v1.AlertsVehicleState.$Properties {
        }

        /** Represents an AlertsVehicleState. */
        class AlertsVehicleState {

            /**
             * Constructs a new AlertsVehicleState.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.AlertsVehicleState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AlertsVehicleState layout. */
            layout: number;

            /** AlertsVehicleState lastT. */
            lastT?: (number|null);

            /** AlertsVehicleState speeding. */
            speeding?: (safewatch.v1.AlertsSpeedingState.$Properties|null);

            /** AlertsVehicleState fatigue. */
            fatigue?: (safewatch.v1.AlertsFatigueState.$Properties|null);

            /** AlertsVehicleState clock. */
            clock?: (safewatch.v1.AlertsClockState.$Properties|null);

            /**
             * Creates a new AlertsVehicleState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AlertsVehicleState instance
             */
            static create(properties: safewatch.v1.AlertsVehicleState.$Shape): safewatch.v1.AlertsVehicleState & safewatch.v1.AlertsVehicleState.$Shape;
            static create(properties?: safewatch.v1.AlertsVehicleState.$Properties): safewatch.v1.AlertsVehicleState;

            /**
             * Encodes the specified AlertsVehicleState message. Does not implicitly {@link safewatch.v1.AlertsVehicleState.verify|verify} messages.
             * @param m AlertsVehicleState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.AlertsVehicleState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AlertsVehicleState message, length delimited. Does not implicitly {@link safewatch.v1.AlertsVehicleState.verify|verify} messages.
             * @param message AlertsVehicleState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.AlertsVehicleState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AlertsVehicleState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsVehicleState & safewatch.v1.AlertsVehicleState.$Shape} AlertsVehicleState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.AlertsVehicleState & safewatch.v1.AlertsVehicleState.$Shape;

            /**
             * Decodes an AlertsVehicleState message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsVehicleState & safewatch.v1.AlertsVehicleState.$Shape} AlertsVehicleState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.AlertsVehicleState & safewatch.v1.AlertsVehicleState.$Shape;

            /**
             * Verifies an AlertsVehicleState message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AlertsVehicleState message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AlertsVehicleState
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.AlertsVehicleState;

            /**
             * Creates a plain object from an AlertsVehicleState message. Also converts values to other types if specified.
             * @param m AlertsVehicleState
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.AlertsVehicleState, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AlertsVehicleState to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AlertsVehicleState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertsVehicleState {

            /** Properties of an AlertsVehicleState. */
            interface $Properties {

                /** AlertsVehicleState layout */
                layout?: (number|null);

                /** AlertsVehicleState lastT */
                lastT?: (number|null);

                /** AlertsVehicleState speeding */
                speeding?: (safewatch.v1.AlertsSpeedingState.$Properties|null);

                /** AlertsVehicleState fatigue */
                fatigue?: (safewatch.v1.AlertsFatigueState.$Properties|null);

                /** AlertsVehicleState clock */
                clock?: (safewatch.v1.AlertsClockState.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AlertsVehicleState. */
            type $Shape = safewatch.v1.AlertsVehicleState.$Properties;
        }

        /**
         * Properties of an AlertsSpeedingState.
         * @deprecated Use safewatch.v1.AlertsSpeedingState.$Properties instead.
         */
        interface IAlertsSpeedingState extends safewatch.v1.AlertsSpeedingState.$Properties {
        }

        /** Represents an AlertsSpeedingState. */
        class AlertsSpeedingState {

            /**
             * Constructs a new AlertsSpeedingState.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.AlertsSpeedingState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AlertsSpeedingState open. */
            open: boolean;

            /** AlertsSpeedingState confirmed. */
            confirmed: boolean;

            /** AlertsSpeedingState detected. */
            detected: boolean;

            /** AlertsSpeedingState platform. */
            platform: boolean;

            /** AlertsSpeedingState lastFlagged. */
            lastFlagged: boolean;

            /** AlertsSpeedingState overSinceMs. */
            overSinceMs: number;

            /** AlertsSpeedingState underSinceMs. */
            underSinceMs: number;

            /** AlertsSpeedingState startMs. */
            startMs: number;

            /** AlertsSpeedingState startLat. */
            startLat: number;

            /** AlertsSpeedingState startLon. */
            startLon: number;

            /** AlertsSpeedingState peakKmh. */
            peakKmh: number;

            /** AlertsSpeedingState limitKmh. */
            limitKmh: number;

            /** AlertsSpeedingState zoneId. */
            zoneId: string;

            /** AlertsSpeedingState stopMs. */
            stopMs: number;

            /** AlertsSpeedingState stopLat. */
            stopLat: number;

            /** AlertsSpeedingState stopLon. */
            stopLon: number;

            /** AlertsSpeedingState lastMs. */
            lastMs: number;

            /** AlertsSpeedingState lastLat. */
            lastLat: number;

            /** AlertsSpeedingState lastLon. */
            lastLon: number;

            /**
             * Creates a new AlertsSpeedingState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AlertsSpeedingState instance
             */
            static create(properties: safewatch.v1.AlertsSpeedingState.$Shape): safewatch.v1.AlertsSpeedingState & safewatch.v1.AlertsSpeedingState.$Shape;
            static create(properties?: safewatch.v1.AlertsSpeedingState.$Properties): safewatch.v1.AlertsSpeedingState;

            /**
             * Encodes the specified AlertsSpeedingState message. Does not implicitly {@link safewatch.v1.AlertsSpeedingState.verify|verify} messages.
             * @param m AlertsSpeedingState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.AlertsSpeedingState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AlertsSpeedingState message, length delimited. Does not implicitly {@link safewatch.v1.AlertsSpeedingState.verify|verify} messages.
             * @param message AlertsSpeedingState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.AlertsSpeedingState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AlertsSpeedingState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsSpeedingState & safewatch.v1.AlertsSpeedingState.$Shape} AlertsSpeedingState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.AlertsSpeedingState & safewatch.v1.AlertsSpeedingState.$Shape;

            /**
             * Decodes an AlertsSpeedingState message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsSpeedingState & safewatch.v1.AlertsSpeedingState.$Shape} AlertsSpeedingState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.AlertsSpeedingState & safewatch.v1.AlertsSpeedingState.$Shape;

            /**
             * Verifies an AlertsSpeedingState message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AlertsSpeedingState message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AlertsSpeedingState
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.AlertsSpeedingState;

            /**
             * Creates a plain object from an AlertsSpeedingState message. Also converts values to other types if specified.
             * @param m AlertsSpeedingState
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.AlertsSpeedingState, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AlertsSpeedingState to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AlertsSpeedingState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertsSpeedingState {

            /** Properties of an AlertsSpeedingState. */
            interface $Properties {

                /** AlertsSpeedingState open */
                open?: (boolean|null);

                /** AlertsSpeedingState confirmed */
                confirmed?: (boolean|null);

                /** AlertsSpeedingState detected */
                detected?: (boolean|null);

                /** AlertsSpeedingState platform */
                platform?: (boolean|null);

                /** AlertsSpeedingState lastFlagged */
                lastFlagged?: (boolean|null);

                /** AlertsSpeedingState overSinceMs */
                overSinceMs?: (number|null);

                /** AlertsSpeedingState underSinceMs */
                underSinceMs?: (number|null);

                /** AlertsSpeedingState startMs */
                startMs?: (number|null);

                /** AlertsSpeedingState startLat */
                startLat?: (number|null);

                /** AlertsSpeedingState startLon */
                startLon?: (number|null);

                /** AlertsSpeedingState peakKmh */
                peakKmh?: (number|null);

                /** AlertsSpeedingState limitKmh */
                limitKmh?: (number|null);

                /** AlertsSpeedingState zoneId */
                zoneId?: (string|null);

                /** AlertsSpeedingState stopMs */
                stopMs?: (number|null);

                /** AlertsSpeedingState stopLat */
                stopLat?: (number|null);

                /** AlertsSpeedingState stopLon */
                stopLon?: (number|null);

                /** AlertsSpeedingState lastMs */
                lastMs?: (number|null);

                /** AlertsSpeedingState lastLat */
                lastLat?: (number|null);

                /** AlertsSpeedingState lastLon */
                lastLon?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AlertsSpeedingState. */
            type $Shape = safewatch.v1.AlertsSpeedingState.$Properties;
        }

        /**
         * Properties of an AlertsFatigueState.
         * @deprecated Use safewatch.v1.AlertsFatigueState.$Properties instead.
         */
        interface IAlertsFatigueState extends safewatch.v1.AlertsFatigueState.$Properties {
        }

        /** Represents an AlertsFatigueState. */
        class AlertsFatigueState {

            /**
             * Constructs a new AlertsFatigueState.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.AlertsFatigueState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AlertsFatigueState lastT. */
            lastT: number;

            /** AlertsFatigueState lastLat. */
            lastLat: number;

            /** AlertsFatigueState lastLon. */
            lastLon: number;

            /** AlertsFatigueState lastSpeedKmh. */
            lastSpeedKmh: number;

            /** AlertsFatigueState stretchStartMs. */
            stretchStartMs: number;

            /** AlertsFatigueState continuousMs. */
            continuousMs: number;

            /** AlertsFatigueState stopMs. */
            stopMs: number;

            /** AlertsFatigueState slotK. */
            slotK: number;

            /** AlertsFatigueState slots. */
            slots: number[];

            /** AlertsFatigueState recentMs. */
            recentMs: number;

            /** AlertsFatigueState continuous. */
            continuous?: (safewatch.v1.AlertsFatigueEpisode.$Properties|null);

            /** AlertsFatigueState daily. */
            daily?: (safewatch.v1.AlertsFatigueEpisode.$Properties|null);

            /**
             * Creates a new AlertsFatigueState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AlertsFatigueState instance
             */
            static create(properties: safewatch.v1.AlertsFatigueState.$Shape): safewatch.v1.AlertsFatigueState & safewatch.v1.AlertsFatigueState.$Shape;
            static create(properties?: safewatch.v1.AlertsFatigueState.$Properties): safewatch.v1.AlertsFatigueState;

            /**
             * Encodes the specified AlertsFatigueState message. Does not implicitly {@link safewatch.v1.AlertsFatigueState.verify|verify} messages.
             * @param m AlertsFatigueState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.AlertsFatigueState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AlertsFatigueState message, length delimited. Does not implicitly {@link safewatch.v1.AlertsFatigueState.verify|verify} messages.
             * @param message AlertsFatigueState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.AlertsFatigueState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AlertsFatigueState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsFatigueState & safewatch.v1.AlertsFatigueState.$Shape} AlertsFatigueState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.AlertsFatigueState & safewatch.v1.AlertsFatigueState.$Shape;

            /**
             * Decodes an AlertsFatigueState message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsFatigueState & safewatch.v1.AlertsFatigueState.$Shape} AlertsFatigueState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.AlertsFatigueState & safewatch.v1.AlertsFatigueState.$Shape;

            /**
             * Verifies an AlertsFatigueState message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AlertsFatigueState message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AlertsFatigueState
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.AlertsFatigueState;

            /**
             * Creates a plain object from an AlertsFatigueState message. Also converts values to other types if specified.
             * @param m AlertsFatigueState
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.AlertsFatigueState, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AlertsFatigueState to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AlertsFatigueState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertsFatigueState {

            /** Properties of an AlertsFatigueState. */
            interface $Properties {

                /** AlertsFatigueState lastT */
                lastT?: (number|null);

                /** AlertsFatigueState lastLat */
                lastLat?: (number|null);

                /** AlertsFatigueState lastLon */
                lastLon?: (number|null);

                /** AlertsFatigueState lastSpeedKmh */
                lastSpeedKmh?: (number|null);

                /** AlertsFatigueState stretchStartMs */
                stretchStartMs?: (number|null);

                /** AlertsFatigueState continuousMs */
                continuousMs?: (number|null);

                /** AlertsFatigueState stopMs */
                stopMs?: (number|null);

                /** AlertsFatigueState slotK */
                slotK?: (number|null);

                /** AlertsFatigueState slots */
                slots?: (number[]|null);

                /** AlertsFatigueState recentMs */
                recentMs?: (number|null);

                /** AlertsFatigueState continuous */
                continuous?: (safewatch.v1.AlertsFatigueEpisode.$Properties|null);

                /** AlertsFatigueState daily */
                daily?: (safewatch.v1.AlertsFatigueEpisode.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AlertsFatigueState. */
            type $Shape = safewatch.v1.AlertsFatigueState.$Properties;
        }

        /**
         * Properties of an AlertsFatigueEpisode.
         * @deprecated Use safewatch.v1.AlertsFatigueEpisode.$Properties instead.
         */
        interface IAlertsFatigueEpisode extends safewatch.v1.AlertsFatigueEpisode.$Properties {
        }

        /** Represents an AlertsFatigueEpisode. */
        class AlertsFatigueEpisode {

            /**
             * Constructs a new AlertsFatigueEpisode.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.AlertsFatigueEpisode.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AlertsFatigueEpisode open. */
            open: boolean;

            /** AlertsFatigueEpisode detected. */
            detected: boolean;

            /** AlertsFatigueEpisode platform. */
            platform: boolean;

            /** AlertsFatigueEpisode seenDetected. */
            seenDetected: boolean;

            /** AlertsFatigueEpisode seenPlatform. */
            seenPlatform: boolean;

            /** AlertsFatigueEpisode startMs. */
            startMs: number;

            /** AlertsFatigueEpisode lastStartMs. */
            lastStartMs: number;

            /**
             * Creates a new AlertsFatigueEpisode instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AlertsFatigueEpisode instance
             */
            static create(properties: safewatch.v1.AlertsFatigueEpisode.$Shape): safewatch.v1.AlertsFatigueEpisode & safewatch.v1.AlertsFatigueEpisode.$Shape;
            static create(properties?: safewatch.v1.AlertsFatigueEpisode.$Properties): safewatch.v1.AlertsFatigueEpisode;

            /**
             * Encodes the specified AlertsFatigueEpisode message. Does not implicitly {@link safewatch.v1.AlertsFatigueEpisode.verify|verify} messages.
             * @param m AlertsFatigueEpisode message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.AlertsFatigueEpisode.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AlertsFatigueEpisode message, length delimited. Does not implicitly {@link safewatch.v1.AlertsFatigueEpisode.verify|verify} messages.
             * @param message AlertsFatigueEpisode message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.AlertsFatigueEpisode.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AlertsFatigueEpisode message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsFatigueEpisode & safewatch.v1.AlertsFatigueEpisode.$Shape} AlertsFatigueEpisode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.AlertsFatigueEpisode & safewatch.v1.AlertsFatigueEpisode.$Shape;

            /**
             * Decodes an AlertsFatigueEpisode message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsFatigueEpisode & safewatch.v1.AlertsFatigueEpisode.$Shape} AlertsFatigueEpisode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.AlertsFatigueEpisode & safewatch.v1.AlertsFatigueEpisode.$Shape;

            /**
             * Verifies an AlertsFatigueEpisode message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AlertsFatigueEpisode message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AlertsFatigueEpisode
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.AlertsFatigueEpisode;

            /**
             * Creates a plain object from an AlertsFatigueEpisode message. Also converts values to other types if specified.
             * @param m AlertsFatigueEpisode
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.AlertsFatigueEpisode, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AlertsFatigueEpisode to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AlertsFatigueEpisode
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertsFatigueEpisode {

            /** Properties of an AlertsFatigueEpisode. */
            interface $Properties {

                /** AlertsFatigueEpisode open */
                open?: (boolean|null);

                /** AlertsFatigueEpisode detected */
                detected?: (boolean|null);

                /** AlertsFatigueEpisode platform */
                platform?: (boolean|null);

                /** AlertsFatigueEpisode seenDetected */
                seenDetected?: (boolean|null);

                /** AlertsFatigueEpisode seenPlatform */
                seenPlatform?: (boolean|null);

                /** AlertsFatigueEpisode startMs */
                startMs?: (number|null);

                /** AlertsFatigueEpisode lastStartMs */
                lastStartMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AlertsFatigueEpisode. */
            type $Shape = safewatch.v1.AlertsFatigueEpisode.$Properties;
        }

        /**
         * Properties of an AlertsClockState.
         * @deprecated Use safewatch.v1.AlertsClockState.$Properties instead.
         */
        interface IAlertsClockState extends safewatch.v1.AlertsClockState.$Properties {
        }

        /** Represents an AlertsClockState. */
        class AlertsClockState {

            /**
             * Constructs a new AlertsClockState.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.AlertsClockState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AlertsClockState phase. */
            phase: safewatch.v1.DrivingClockState;

            /** AlertsClockState preWarned. */
            preWarned: boolean;

            /** AlertsClockState limitReached. */
            limitReached: boolean;

            /** AlertsClockState preWarningStartMs. */
            preWarningStartMs: number;

            /**
             * Creates a new AlertsClockState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AlertsClockState instance
             */
            static create(properties: safewatch.v1.AlertsClockState.$Shape): safewatch.v1.AlertsClockState & safewatch.v1.AlertsClockState.$Shape;
            static create(properties?: safewatch.v1.AlertsClockState.$Properties): safewatch.v1.AlertsClockState;

            /**
             * Encodes the specified AlertsClockState message. Does not implicitly {@link safewatch.v1.AlertsClockState.verify|verify} messages.
             * @param m AlertsClockState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.AlertsClockState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AlertsClockState message, length delimited. Does not implicitly {@link safewatch.v1.AlertsClockState.verify|verify} messages.
             * @param message AlertsClockState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.AlertsClockState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AlertsClockState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsClockState & safewatch.v1.AlertsClockState.$Shape} AlertsClockState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.AlertsClockState & safewatch.v1.AlertsClockState.$Shape;

            /**
             * Decodes an AlertsClockState message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsClockState & safewatch.v1.AlertsClockState.$Shape} AlertsClockState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.AlertsClockState & safewatch.v1.AlertsClockState.$Shape;

            /**
             * Verifies an AlertsClockState message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AlertsClockState message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AlertsClockState
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.AlertsClockState;

            /**
             * Creates a plain object from an AlertsClockState message. Also converts values to other types if specified.
             * @param m AlertsClockState
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.AlertsClockState, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AlertsClockState to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AlertsClockState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertsClockState {

            /** Properties of an AlertsClockState. */
            interface $Properties {

                /** AlertsClockState phase */
                phase?: (safewatch.v1.DrivingClockState|null);

                /** AlertsClockState preWarned */
                preWarned?: (boolean|null);

                /** AlertsClockState limitReached */
                limitReached?: (boolean|null);

                /** AlertsClockState preWarningStartMs */
                preWarningStartMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AlertsClockState. */
            type $Shape = safewatch.v1.AlertsClockState.$Properties;
        }

        /** DrivingClockEvent enum. */
        enum DrivingClockEvent {

            /** DRIVING_CLOCK_EVENT_UNSPECIFIED value */
            DRIVING_CLOCK_EVENT_UNSPECIFIED = 0,

            /** DRIVING_CLOCK_EVENT_DRIVING_STARTED value */
            DRIVING_CLOCK_EVENT_DRIVING_STARTED = 1,

            /** DRIVING_CLOCK_EVENT_REST_STARTED value */
            DRIVING_CLOCK_EVENT_REST_STARTED = 2,

            /** DRIVING_CLOCK_EVENT_REST_COMPLETED value */
            DRIVING_CLOCK_EVENT_REST_COMPLETED = 3,

            /** DRIVING_CLOCK_EVENT_PRE_WARNING value */
            DRIVING_CLOCK_EVENT_PRE_WARNING = 4,

            /** DRIVING_CLOCK_EVENT_LIMIT_REACHED value */
            DRIVING_CLOCK_EVENT_LIMIT_REACHED = 5
        }

        /** DrivingClockState enum. */
        enum DrivingClockState {

            /** DRIVING_CLOCK_STATE_UNSPECIFIED value */
            DRIVING_CLOCK_STATE_UNSPECIFIED = 0,

            /** DRIVING_CLOCK_STATE_DRIVING value */
            DRIVING_CLOCK_STATE_DRIVING = 1,

            /** DRIVING_CLOCK_STATE_RESTING value */
            DRIVING_CLOCK_STATE_RESTING = 2
        }

        /**
         * Properties of a DrivingClock.
         * @deprecated Use safewatch.v1.DrivingClock.$Properties instead.
         */
        interface IDrivingClock extends safewatch.v1.DrivingClock.$Properties {
        }

        /** Represents a DrivingClock. */
        class DrivingClock {

            /**
             * Constructs a new DrivingClock.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.DrivingClock.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DrivingClock eventId. */
            eventId: string;

            /** DrivingClock vehicle. */
            vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

            /** DrivingClock event. */
            event: safewatch.v1.DrivingClockEvent;

            /** DrivingClock occurredAtMs. */
            occurredAtMs: number;

            /** DrivingClock state. */
            state: safewatch.v1.DrivingClockState;

            /** DrivingClock continuousDrivingS. */
            continuousDrivingS: number;

            /** DrivingClock dailyDrivingS. */
            dailyDrivingS: number;

            /** DrivingClock todayDrivingS. */
            todayDrivingS: number;

            /** DrivingClock drivingSinceMs. */
            drivingSinceMs: number;

            /** DrivingClock restingSinceMs. */
            restingSinceMs: number;

            /** DrivingClock restMinS. */
            restMinS: number;

            /** DrivingClock preWarningS. */
            preWarningS: number;

            /** DrivingClock continuousLimitS. */
            continuousLimitS: number;

            /** DrivingClock dailyLimitS. */
            dailyLimitS: number;

            /**
             * Creates a new DrivingClock instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DrivingClock instance
             */
            static create(properties: safewatch.v1.DrivingClock.$Shape): safewatch.v1.DrivingClock & safewatch.v1.DrivingClock.$Shape;
            static create(properties?: safewatch.v1.DrivingClock.$Properties): safewatch.v1.DrivingClock;

            /**
             * Encodes the specified DrivingClock message. Does not implicitly {@link safewatch.v1.DrivingClock.verify|verify} messages.
             * @param m DrivingClock message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.DrivingClock.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DrivingClock message, length delimited. Does not implicitly {@link safewatch.v1.DrivingClock.verify|verify} messages.
             * @param message DrivingClock message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.DrivingClock.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DrivingClock message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.DrivingClock & safewatch.v1.DrivingClock.$Shape} DrivingClock
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.DrivingClock & safewatch.v1.DrivingClock.$Shape;

            /**
             * Decodes a DrivingClock message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.DrivingClock & safewatch.v1.DrivingClock.$Shape} DrivingClock
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.DrivingClock & safewatch.v1.DrivingClock.$Shape;

            /**
             * Verifies a DrivingClock message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DrivingClock message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DrivingClock
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.DrivingClock;

            /**
             * Creates a plain object from a DrivingClock message. Also converts values to other types if specified.
             * @param m DrivingClock
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.DrivingClock, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DrivingClock to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DrivingClock
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DrivingClock {

            /** Properties of a DrivingClock. */
            interface $Properties {

                /** DrivingClock eventId */
                eventId?: (string|null);

                /** DrivingClock vehicle */
                vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

                /** DrivingClock event */
                event?: (safewatch.v1.DrivingClockEvent|null);

                /** DrivingClock occurredAtMs */
                occurredAtMs?: (number|null);

                /** DrivingClock state */
                state?: (safewatch.v1.DrivingClockState|null);

                /** DrivingClock continuousDrivingS */
                continuousDrivingS?: (number|null);

                /** DrivingClock dailyDrivingS */
                dailyDrivingS?: (number|null);

                /** DrivingClock todayDrivingS */
                todayDrivingS?: (number|null);

                /** DrivingClock drivingSinceMs */
                drivingSinceMs?: (number|null);

                /** DrivingClock restingSinceMs */
                restingSinceMs?: (number|null);

                /** DrivingClock restMinS */
                restMinS?: (number|null);

                /** DrivingClock preWarningS */
                preWarningS?: (number|null);

                /** DrivingClock continuousLimitS */
                continuousLimitS?: (number|null);

                /** DrivingClock dailyLimitS */
                dailyLimitS?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DrivingClock. */
            type $Shape = safewatch.v1.DrivingClock.$Properties;
        }

        /** BindingEventType enum. */
        enum BindingEventType {

            /** BINDING_EVENT_TYPE_UNSPECIFIED value */
            BINDING_EVENT_TYPE_UNSPECIFIED = 0,

            /** BINDING_EVENT_TYPE_BOUND value */
            BINDING_EVENT_TYPE_BOUND = 1,

            /** BINDING_EVENT_TYPE_UNBOUND value */
            BINDING_EVENT_TYPE_UNBOUND = 2
        }

        /** BindingChannel enum. */
        enum BindingChannel {

            /** BINDING_CHANNEL_UNSPECIFIED value */
            BINDING_CHANNEL_UNSPECIFIED = 0,

            /** BINDING_CHANNEL_SELF value */
            BINDING_CHANNEL_SELF = 1,

            /** BINDING_CHANNEL_REBIND value */
            BINDING_CHANNEL_REBIND = 2,

            /** BINDING_CHANNEL_DELEGATED value */
            BINDING_CHANNEL_DELEGATED = 3
        }

        /** UnbindActor enum. */
        enum UnbindActor {

            /** UNBIND_ACTOR_UNSPECIFIED value */
            UNBIND_ACTOR_UNSPECIFIED = 0,

            /** UNBIND_ACTOR_DRIVER value */
            UNBIND_ACTOR_DRIVER = 1,

            /** UNBIND_ACTOR_CARRIER value */
            UNBIND_ACTOR_CARRIER = 2
        }

        /**
         * Properties of a BindingEvent.
         * @deprecated Use safewatch.v1.BindingEvent.$Properties instead.
         */
        interface IBindingEvent extends safewatch.v1.BindingEvent.$Properties {
        }

        /** Represents a BindingEvent. */
        class BindingEvent {

            /**
             * Constructs a new BindingEvent.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.BindingEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BindingEvent eventId. */
            eventId: string;

            /** BindingEvent type. */
            type: safewatch.v1.BindingEventType;

            /** BindingEvent vehicle. */
            vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

            /** BindingEvent vehicleId. */
            vehicleId: string;

            /** BindingEvent driverId. */
            driverId: string;

            /** BindingEvent carrierId. */
            carrierId: string;

            /** BindingEvent channel. */
            channel: safewatch.v1.BindingChannel;

            /** BindingEvent unbindActor. */
            unbindActor: safewatch.v1.UnbindActor;

            /** BindingEvent occurredAtMs. */
            occurredAtMs: number;

            /** BindingEvent delegateId. */
            delegateId: string;

            /**
             * Creates a new BindingEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BindingEvent instance
             */
            static create(properties: safewatch.v1.BindingEvent.$Shape): safewatch.v1.BindingEvent & safewatch.v1.BindingEvent.$Shape;
            static create(properties?: safewatch.v1.BindingEvent.$Properties): safewatch.v1.BindingEvent;

            /**
             * Encodes the specified BindingEvent message. Does not implicitly {@link safewatch.v1.BindingEvent.verify|verify} messages.
             * @param m BindingEvent message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.BindingEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified BindingEvent message, length delimited. Does not implicitly {@link safewatch.v1.BindingEvent.verify|verify} messages.
             * @param message BindingEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.BindingEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BindingEvent message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.BindingEvent & safewatch.v1.BindingEvent.$Shape} BindingEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.BindingEvent & safewatch.v1.BindingEvent.$Shape;

            /**
             * Decodes a BindingEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.BindingEvent & safewatch.v1.BindingEvent.$Shape} BindingEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.BindingEvent & safewatch.v1.BindingEvent.$Shape;

            /**
             * Verifies a BindingEvent message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a BindingEvent message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns BindingEvent
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.BindingEvent;

            /**
             * Creates a plain object from a BindingEvent message. Also converts values to other types if specified.
             * @param m BindingEvent
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.BindingEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BindingEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for BindingEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace BindingEvent {

            /** Properties of a BindingEvent. */
            interface $Properties {

                /** BindingEvent eventId */
                eventId?: (string|null);

                /** BindingEvent type */
                type?: (safewatch.v1.BindingEventType|null);

                /** BindingEvent vehicle */
                vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

                /** BindingEvent vehicleId */
                vehicleId?: (string|null);

                /** BindingEvent driverId */
                driverId?: (string|null);

                /** BindingEvent carrierId */
                carrierId?: (string|null);

                /** BindingEvent channel */
                channel?: (safewatch.v1.BindingChannel|null);

                /** BindingEvent unbindActor */
                unbindActor?: (safewatch.v1.UnbindActor|null);

                /** BindingEvent occurredAtMs */
                occurredAtMs?: (number|null);

                /** BindingEvent delegateId */
                delegateId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BindingEvent. */
            type $Shape = safewatch.v1.BindingEvent.$Properties;
        }

        /**
         * Properties of a CertificateChanged.
         * @deprecated Use safewatch.v1.CertificateChanged.$Properties instead.
         */
        interface ICertificateChanged extends safewatch.v1.CertificateChanged.$Properties {
        }

        /** Represents a CertificateChanged. */
        class CertificateChanged {

            /**
             * Constructs a new CertificateChanged.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.CertificateChanged.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CertificateChanged eventId. */
            eventId: string;

            /** CertificateChanged vehicle. */
            vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

            /** CertificateChanged driverId. */
            driverId: string;

            /** CertificateChanged transportCertExpiresOn. */
            transportCertExpiresOn: string;

            /** CertificateChanged qualificationCertExpiresOn. */
            qualificationCertExpiresOn: string;

            /** CertificateChanged occurredAtMs. */
            occurredAtMs: number;

            /**
             * Creates a new CertificateChanged instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CertificateChanged instance
             */
            static create(properties: safewatch.v1.CertificateChanged.$Shape): safewatch.v1.CertificateChanged & safewatch.v1.CertificateChanged.$Shape;
            static create(properties?: safewatch.v1.CertificateChanged.$Properties): safewatch.v1.CertificateChanged;

            /**
             * Encodes the specified CertificateChanged message. Does not implicitly {@link safewatch.v1.CertificateChanged.verify|verify} messages.
             * @param m CertificateChanged message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.CertificateChanged.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CertificateChanged message, length delimited. Does not implicitly {@link safewatch.v1.CertificateChanged.verify|verify} messages.
             * @param message CertificateChanged message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.CertificateChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CertificateChanged message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.CertificateChanged & safewatch.v1.CertificateChanged.$Shape} CertificateChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.CertificateChanged & safewatch.v1.CertificateChanged.$Shape;

            /**
             * Decodes a CertificateChanged message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.CertificateChanged & safewatch.v1.CertificateChanged.$Shape} CertificateChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.CertificateChanged & safewatch.v1.CertificateChanged.$Shape;

            /**
             * Verifies a CertificateChanged message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a CertificateChanged message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns CertificateChanged
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.CertificateChanged;

            /**
             * Creates a plain object from a CertificateChanged message. Also converts values to other types if specified.
             * @param m CertificateChanged
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.CertificateChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CertificateChanged to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CertificateChanged
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CertificateChanged {

            /** Properties of a CertificateChanged. */
            interface $Properties {

                /** CertificateChanged eventId */
                eventId?: (string|null);

                /** CertificateChanged vehicle */
                vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

                /** CertificateChanged driverId */
                driverId?: (string|null);

                /** CertificateChanged transportCertExpiresOn */
                transportCertExpiresOn?: (string|null);

                /** CertificateChanged qualificationCertExpiresOn */
                qualificationCertExpiresOn?: (string|null);

                /** CertificateChanged occurredAtMs */
                occurredAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CertificateChanged. */
            type $Shape = safewatch.v1.CertificateChanged.$Properties;
        }

        /**
         * Properties of a BindingsEnvelope.
         * @deprecated Use safewatch.v1.BindingsEnvelope.$Properties instead.
         */
        interface IBindingsEnvelope extends safewatch.v1.BindingsEnvelope.$Properties {
        }

        /** Represents a BindingsEnvelope. */
        class BindingsEnvelope {

            /**
             * Constructs a new BindingsEnvelope.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.BindingsEnvelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BindingsEnvelope binding. */
            binding?: (safewatch.v1.BindingEvent.$Properties|null);

            /** BindingsEnvelope certificate. */
            certificate?: (safewatch.v1.CertificateChanged.$Properties|null);

            /** BindingsEnvelope event. */
            event?: ("binding"|"certificate");

            /**
             * Creates a new BindingsEnvelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BindingsEnvelope instance
             */
            static create(properties: safewatch.v1.BindingsEnvelope.$Shape): safewatch.v1.BindingsEnvelope & safewatch.v1.BindingsEnvelope.$Shape;
            static create(properties?: safewatch.v1.BindingsEnvelope.$Properties): safewatch.v1.BindingsEnvelope;

            /**
             * Encodes the specified BindingsEnvelope message. Does not implicitly {@link safewatch.v1.BindingsEnvelope.verify|verify} messages.
             * @param m BindingsEnvelope message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.BindingsEnvelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified BindingsEnvelope message, length delimited. Does not implicitly {@link safewatch.v1.BindingsEnvelope.verify|verify} messages.
             * @param message BindingsEnvelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.BindingsEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BindingsEnvelope message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.BindingsEnvelope & safewatch.v1.BindingsEnvelope.$Shape} BindingsEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.BindingsEnvelope & safewatch.v1.BindingsEnvelope.$Shape;

            /**
             * Decodes a BindingsEnvelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.BindingsEnvelope & safewatch.v1.BindingsEnvelope.$Shape} BindingsEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.BindingsEnvelope & safewatch.v1.BindingsEnvelope.$Shape;

            /**
             * Verifies a BindingsEnvelope message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a BindingsEnvelope message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns BindingsEnvelope
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.BindingsEnvelope;

            /**
             * Creates a plain object from a BindingsEnvelope message. Also converts values to other types if specified.
             * @param m BindingsEnvelope
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.BindingsEnvelope, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BindingsEnvelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for BindingsEnvelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace BindingsEnvelope {

            /** Properties of a BindingsEnvelope. */
            interface $Properties {

                /** BindingsEnvelope binding */
                binding?: (safewatch.v1.BindingEvent.$Properties|null);

                /** BindingsEnvelope certificate */
                certificate?: (safewatch.v1.CertificateChanged.$Properties|null);

                /** BindingsEnvelope event */
                event?: ("binding"|"certificate");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a BindingsEnvelope. */
            type $Shape = {
              binding?: safewatch.v1.BindingEvent.$Shape|null;
              certificate?: safewatch.v1.CertificateChanged.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ event?: undefined; binding?: null; certificate?: null }|{ event?: "binding"; binding: safewatch.v1.BindingEvent.$Shape; certificate?: null }|{ event?: "certificate"; binding?: null; certificate: safewatch.v1.CertificateChanged.$Shape })
            );
        }

        /**
         * Properties of a Position.
         * @deprecated Use safewatch.v1.Position.$Properties instead.
         */
        interface IPosition extends safewatch.v1.Position.$Properties {
        }

        /** Represents a Position. */
        class Position {

            /**
             * Constructs a new Position.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.Position.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Position plateNumber. */
            plateNumber: string;

            /** Position plateColor. */
            plateColor: safewatch.v1.PlateColor;

            /** Position gnssTimeMs. */
            gnssTimeMs: number;

            /** Position latE6. */
            latE6: number;

            /** Position lonE6. */
            lonE6: number;

            /** Position speedDkmh. */
            speedDkmh: number;

            /** Position headingDeg. */
            headingDeg: number;

            /** Position altitudeM. */
            altitudeM: number;

            /** Position alarmFlags. */
            alarmFlags: number;

            /** Position statusFlags. */
            statusFlags: number;

            /** Position odometerHm. */
            odometerHm: number;

            /** Position platformId. */
            platformId: string;

            /**
             * Creates a new Position instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Position instance
             */
            static create(properties: safewatch.v1.Position.$Shape): safewatch.v1.Position & safewatch.v1.Position.$Shape;
            static create(properties?: safewatch.v1.Position.$Properties): safewatch.v1.Position;

            /**
             * Encodes the specified Position message. Does not implicitly {@link safewatch.v1.Position.verify|verify} messages.
             * @param m Position message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.Position.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Position message, length delimited. Does not implicitly {@link safewatch.v1.Position.verify|verify} messages.
             * @param message Position message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.Position.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Position message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.Position & safewatch.v1.Position.$Shape} Position
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.Position & safewatch.v1.Position.$Shape;

            /**
             * Decodes a Position message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.Position & safewatch.v1.Position.$Shape} Position
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.Position & safewatch.v1.Position.$Shape;

            /**
             * Verifies a Position message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Position message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Position
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.Position;

            /**
             * Creates a plain object from a Position message. Also converts values to other types if specified.
             * @param m Position
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.Position, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Position to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Position
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Position {

            /** Properties of a Position. */
            interface $Properties {

                /** Position plateNumber */
                plateNumber?: (string|null);

                /** Position plateColor */
                plateColor?: (safewatch.v1.PlateColor|null);

                /** Position gnssTimeMs */
                gnssTimeMs?: (number|null);

                /** Position latE6 */
                latE6?: (number|null);

                /** Position lonE6 */
                lonE6?: (number|null);

                /** Position speedDkmh */
                speedDkmh?: (number|null);

                /** Position headingDeg */
                headingDeg?: (number|null);

                /** Position altitudeM */
                altitudeM?: (number|null);

                /** Position alarmFlags */
                alarmFlags?: (number|null);

                /** Position statusFlags */
                statusFlags?: (number|null);

                /** Position odometerHm */
                odometerHm?: (number|null);

                /** Position platformId */
                platformId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Position. */
            type $Shape = safewatch.v1.Position.$Properties;
        }

        /**
         * Properties of a PositionBatch.
         * @deprecated Use safewatch.v1.PositionBatch.$Properties instead.
         */
        interface IPositionBatch extends safewatch.v1.PositionBatch.$Properties {
        }

        /** Represents a PositionBatch. */
        class PositionBatch {

            /**
             * Constructs a new PositionBatch.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.PositionBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PositionBatch platformId. */
            platformId: string;

            /** PositionBatch batchId. */
            batchId: string;

            /** PositionBatch sentAtMs. */
            sentAtMs: number;

            /** PositionBatch positions. */
            positions: safewatch.v1.Position.$Properties[];

            /**
             * Creates a new PositionBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PositionBatch instance
             */
            static create(properties: safewatch.v1.PositionBatch.$Shape): safewatch.v1.PositionBatch & safewatch.v1.PositionBatch.$Shape;
            static create(properties?: safewatch.v1.PositionBatch.$Properties): safewatch.v1.PositionBatch;

            /**
             * Encodes the specified PositionBatch message. Does not implicitly {@link safewatch.v1.PositionBatch.verify|verify} messages.
             * @param m PositionBatch message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.PositionBatch.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PositionBatch message, length delimited. Does not implicitly {@link safewatch.v1.PositionBatch.verify|verify} messages.
             * @param message PositionBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.PositionBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PositionBatch message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.PositionBatch & safewatch.v1.PositionBatch.$Shape} PositionBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.PositionBatch & safewatch.v1.PositionBatch.$Shape;

            /**
             * Decodes a PositionBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.PositionBatch & safewatch.v1.PositionBatch.$Shape} PositionBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.PositionBatch & safewatch.v1.PositionBatch.$Shape;

            /**
             * Verifies a PositionBatch message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PositionBatch message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PositionBatch
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.PositionBatch;

            /**
             * Creates a plain object from a PositionBatch message. Also converts values to other types if specified.
             * @param m PositionBatch
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.PositionBatch, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PositionBatch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PositionBatch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PositionBatch {

            /** Properties of a PositionBatch. */
            interface $Properties {

                /** PositionBatch platformId */
                platformId?: (string|null);

                /** PositionBatch batchId */
                batchId?: (string|null);

                /** PositionBatch sentAtMs */
                sentAtMs?: (number|null);

                /** PositionBatch positions */
                positions?: (safewatch.v1.Position.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PositionBatch. */
            type $Shape = safewatch.v1.PositionBatch.$Properties;
        }

        /** RejectReason enum. */
        enum RejectReason {

            /** REJECT_REASON_UNSPECIFIED value */
            REJECT_REASON_UNSPECIFIED = 0,

            /** REJECT_REASON_MALFORMED value */
            REJECT_REASON_MALFORMED = 1,

            /** REJECT_REASON_COORDINATES_OUT_OF_RANGE value */
            REJECT_REASON_COORDINATES_OUT_OF_RANGE = 2,

            /** REJECT_REASON_ZERO_FIX value */
            REJECT_REASON_ZERO_FIX = 3,

            /** REJECT_REASON_FUTURE_TIME value */
            REJECT_REASON_FUTURE_TIME = 4,

            /** REJECT_REASON_SPEED_OUT_OF_RANGE value */
            REJECT_REASON_SPEED_OUT_OF_RANGE = 5,

            /** REJECT_REASON_UNKNOWN_PLATE_COLOR value */
            REJECT_REASON_UNKNOWN_PLATE_COLOR = 6,

            /** REJECT_REASON_INVALID_PLATE value */
            REJECT_REASON_INVALID_PLATE = 7,

            /** REJECT_REASON_INVALID_TIME value */
            REJECT_REASON_INVALID_TIME = 8,

            /** REJECT_REASON_INVALID_HEADING value */
            REJECT_REASON_INVALID_HEADING = 9,

            /** REJECT_REASON_BATCH_TOO_LARGE value */
            REJECT_REASON_BATCH_TOO_LARGE = 10
        }

        /**
         * Properties of a RejectedPosition.
         * @deprecated Use safewatch.v1.RejectedPosition.$Properties instead.
         */
        interface IRejectedPosition extends safewatch.v1.RejectedPosition.$Properties {
        }

        /** Represents a RejectedPosition. */
        class RejectedPosition {

            /**
             * Constructs a new RejectedPosition.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.RejectedPosition.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RejectedPosition reason. */
            reason: safewatch.v1.RejectReason;

            /** RejectedPosition detail. */
            detail: string;

            /** RejectedPosition original. */
            original: Uint8Array;

            /** RejectedPosition platformId. */
            platformId: string;

            /** RejectedPosition batchId. */
            batchId: string;

            /** RejectedPosition indexInBatch. */
            indexInBatch: number;

            /** RejectedPosition sourceTopic. */
            sourceTopic: string;

            /** RejectedPosition sourcePartition. */
            sourcePartition: number;

            /** RejectedPosition sourceOffset. */
            sourceOffset: number;

            /** RejectedPosition rejectedAtMs. */
            rejectedAtMs: number;

            /** RejectedPosition plateNumber. */
            plateNumber: string;

            /** RejectedPosition plateColor. */
            plateColor: safewatch.v1.PlateColor;

            /**
             * Creates a new RejectedPosition instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RejectedPosition instance
             */
            static create(properties: safewatch.v1.RejectedPosition.$Shape): safewatch.v1.RejectedPosition & safewatch.v1.RejectedPosition.$Shape;
            static create(properties?: safewatch.v1.RejectedPosition.$Properties): safewatch.v1.RejectedPosition;

            /**
             * Encodes the specified RejectedPosition message. Does not implicitly {@link safewatch.v1.RejectedPosition.verify|verify} messages.
             * @param m RejectedPosition message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.RejectedPosition.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RejectedPosition message, length delimited. Does not implicitly {@link safewatch.v1.RejectedPosition.verify|verify} messages.
             * @param message RejectedPosition message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.RejectedPosition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RejectedPosition message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.RejectedPosition & safewatch.v1.RejectedPosition.$Shape} RejectedPosition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.RejectedPosition & safewatch.v1.RejectedPosition.$Shape;

            /**
             * Decodes a RejectedPosition message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.RejectedPosition & safewatch.v1.RejectedPosition.$Shape} RejectedPosition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.RejectedPosition & safewatch.v1.RejectedPosition.$Shape;

            /**
             * Verifies a RejectedPosition message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a RejectedPosition message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns RejectedPosition
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.RejectedPosition;

            /**
             * Creates a plain object from a RejectedPosition message. Also converts values to other types if specified.
             * @param m RejectedPosition
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.RejectedPosition, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RejectedPosition to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RejectedPosition
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RejectedPosition {

            /** Properties of a RejectedPosition. */
            interface $Properties {

                /** RejectedPosition reason */
                reason?: (safewatch.v1.RejectReason|null);

                /** RejectedPosition detail */
                detail?: (string|null);

                /** RejectedPosition original */
                original?: (Uint8Array|null);

                /** RejectedPosition platformId */
                platformId?: (string|null);

                /** RejectedPosition batchId */
                batchId?: (string|null);

                /** RejectedPosition indexInBatch */
                indexInBatch?: (number|null);

                /** RejectedPosition sourceTopic */
                sourceTopic?: (string|null);

                /** RejectedPosition sourcePartition */
                sourcePartition?: (number|null);

                /** RejectedPosition sourceOffset */
                sourceOffset?: (number|null);

                /** RejectedPosition rejectedAtMs */
                rejectedAtMs?: (number|null);

                /** RejectedPosition plateNumber */
                plateNumber?: (string|null);

                /** RejectedPosition plateColor */
                plateColor?: (safewatch.v1.PlateColor|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RejectedPosition. */
            type $Shape = safewatch.v1.RejectedPosition.$Properties;
        }

        /** ShareDuration enum. */
        enum ShareDuration {

            /** SHARE_DURATION_UNSPECIFIED value */
            SHARE_DURATION_UNSPECIFIED = 0,

            /** SHARE_DURATION_3_DAYS value */
            SHARE_DURATION_3_DAYS = 1,

            /** SHARE_DURATION_7_DAYS value */
            SHARE_DURATION_7_DAYS = 2,

            /** SHARE_DURATION_1_MONTH value */
            SHARE_DURATION_1_MONTH = 3,

            /** SHARE_DURATION_1_YEAR value */
            SHARE_DURATION_1_YEAR = 4
        }

        /** ShareEventType enum. */
        enum ShareEventType {

            /** SHARE_EVENT_TYPE_UNSPECIFIED value */
            SHARE_EVENT_TYPE_UNSPECIFIED = 0,

            /** SHARE_EVENT_TYPE_CREATED value */
            SHARE_EVENT_TYPE_CREATED = 1,

            /** SHARE_EVENT_TYPE_CLAIMED value */
            SHARE_EVENT_TYPE_CLAIMED = 2,

            /** SHARE_EVENT_TYPE_VIEWED value */
            SHARE_EVENT_TYPE_VIEWED = 3,

            /** SHARE_EVENT_TYPE_CANCELLED value */
            SHARE_EVENT_TYPE_CANCELLED = 4,

            /** SHARE_EVENT_TYPE_EXPIRED value */
            SHARE_EVENT_TYPE_EXPIRED = 5,

            /** SHARE_EVENT_TYPE_ENDED_BY_UNBIND value */
            SHARE_EVENT_TYPE_ENDED_BY_UNBIND = 6
        }

        /**
         * Properties of a ShareEvent.
         * @deprecated Use safewatch.v1.ShareEvent.$Properties instead.
         */
        interface IShareEvent extends safewatch.v1.ShareEvent.$Properties {
        }

        /** Represents a ShareEvent. */
        class ShareEvent {

            /**
             * Constructs a new ShareEvent.
             * @param [p] Properties to set
             */
            constructor(p?: safewatch.v1.ShareEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ShareEvent eventId. */
            eventId: string;

            /** ShareEvent type. */
            type: safewatch.v1.ShareEventType;

            /** ShareEvent shareId. */
            shareId: string;

            /** ShareEvent vehicle. */
            vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

            /** ShareEvent driverId. */
            driverId: string;

            /** ShareEvent viewerId. */
            viewerId: string;

            /** ShareEvent duration. */
            duration: safewatch.v1.ShareDuration;

            /** ShareEvent expiresAtMs. */
            expiresAtMs: number;

            /** ShareEvent occurredAtMs. */
            occurredAtMs: number;

            /**
             * Creates a new ShareEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShareEvent instance
             */
            static create(properties: safewatch.v1.ShareEvent.$Shape): safewatch.v1.ShareEvent & safewatch.v1.ShareEvent.$Shape;
            static create(properties?: safewatch.v1.ShareEvent.$Properties): safewatch.v1.ShareEvent;

            /**
             * Encodes the specified ShareEvent message. Does not implicitly {@link safewatch.v1.ShareEvent.verify|verify} messages.
             * @param m ShareEvent message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: safewatch.v1.ShareEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ShareEvent message, length delimited. Does not implicitly {@link safewatch.v1.ShareEvent.verify|verify} messages.
             * @param message ShareEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: safewatch.v1.ShareEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShareEvent message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {safewatch.v1.ShareEvent & safewatch.v1.ShareEvent.$Shape} ShareEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): safewatch.v1.ShareEvent & safewatch.v1.ShareEvent.$Shape;

            /**
             * Decodes a ShareEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {safewatch.v1.ShareEvent & safewatch.v1.ShareEvent.$Shape} ShareEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): safewatch.v1.ShareEvent & safewatch.v1.ShareEvent.$Shape;

            /**
             * Verifies a ShareEvent message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ShareEvent message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ShareEvent
             */
            static fromObject(d: { [k: string]: any }): safewatch.v1.ShareEvent;

            /**
             * Creates a plain object from a ShareEvent message. Also converts values to other types if specified.
             * @param m ShareEvent
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: safewatch.v1.ShareEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ShareEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ShareEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ShareEvent {

            /** Properties of a ShareEvent. */
            interface $Properties {

                /** ShareEvent eventId */
                eventId?: (string|null);

                /** ShareEvent type */
                type?: (safewatch.v1.ShareEventType|null);

                /** ShareEvent shareId */
                shareId?: (string|null);

                /** ShareEvent vehicle */
                vehicle?: (safewatch.v1.VehicleRef.$Properties|null);

                /** ShareEvent driverId */
                driverId?: (string|null);

                /** ShareEvent viewerId */
                viewerId?: (string|null);

                /** ShareEvent duration */
                duration?: (safewatch.v1.ShareDuration|null);

                /** ShareEvent expiresAtMs */
                expiresAtMs?: (number|null);

                /** ShareEvent occurredAtMs */
                occurredAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ShareEvent. */
            type $Shape = safewatch.v1.ShareEvent.$Properties;
        }
    }
}

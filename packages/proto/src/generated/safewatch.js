/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $Array = $util.global.Array, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const safewatch = $root.safewatch = (() => {

    /**
     * Namespace safewatch.
     * @exports safewatch
     * @namespace
     */
    const safewatch = {};

    safewatch.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof safewatch
         * @namespace
         */
        const v1 = {};

        /**
         * AlertType enum.
         * @name safewatch.v1.AlertType
         * @enum {number}
         * @property {number} ALERT_TYPE_UNSPECIFIED=0 ALERT_TYPE_UNSPECIFIED value
         * @property {number} ALERT_TYPE_SPEEDING=1 ALERT_TYPE_SPEEDING value
         * @property {number} ALERT_TYPE_FATIGUE_CONTINUOUS=2 ALERT_TYPE_FATIGUE_CONTINUOUS value
         * @property {number} ALERT_TYPE_FATIGUE_DAILY=3 ALERT_TYPE_FATIGUE_DAILY value
         * @property {number} ALERT_TYPE_QUALIFICATION_CERT_EXPIRING=4 ALERT_TYPE_QUALIFICATION_CERT_EXPIRING value
         * @property {number} ALERT_TYPE_QUALIFICATION_CERT_EXPIRED=5 ALERT_TYPE_QUALIFICATION_CERT_EXPIRED value
         * @property {number} ALERT_TYPE_TRANSPORT_CERT_EXPIRING=6 ALERT_TYPE_TRANSPORT_CERT_EXPIRING value
         * @property {number} ALERT_TYPE_TRANSPORT_CERT_EXPIRED=7 ALERT_TYPE_TRANSPORT_CERT_EXPIRED value
         * @property {number} ALERT_TYPE_FATIGUE_PRE_WARNING=8 ALERT_TYPE_FATIGUE_PRE_WARNING value
         */
        v1.AlertType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ALERT_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ALERT_TYPE_SPEEDING"] = 1;
            values[valuesById[2] = "ALERT_TYPE_FATIGUE_CONTINUOUS"] = 2;
            values[valuesById[3] = "ALERT_TYPE_FATIGUE_DAILY"] = 3;
            values[valuesById[4] = "ALERT_TYPE_QUALIFICATION_CERT_EXPIRING"] = 4;
            values[valuesById[5] = "ALERT_TYPE_QUALIFICATION_CERT_EXPIRED"] = 5;
            values[valuesById[6] = "ALERT_TYPE_TRANSPORT_CERT_EXPIRING"] = 6;
            values[valuesById[7] = "ALERT_TYPE_TRANSPORT_CERT_EXPIRED"] = 7;
            values[valuesById[8] = "ALERT_TYPE_FATIGUE_PRE_WARNING"] = 8;
            return values;
        })();

        /**
         * AlertPhase enum.
         * @name safewatch.v1.AlertPhase
         * @enum {number}
         * @property {number} ALERT_PHASE_UNSPECIFIED=0 ALERT_PHASE_UNSPECIFIED value
         * @property {number} ALERT_PHASE_STARTED=1 ALERT_PHASE_STARTED value
         * @property {number} ALERT_PHASE_ENDED=2 ALERT_PHASE_ENDED value
         * @property {number} ALERT_PHASE_RAISED=3 ALERT_PHASE_RAISED value
         */
        v1.AlertPhase = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ALERT_PHASE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ALERT_PHASE_STARTED"] = 1;
            values[valuesById[2] = "ALERT_PHASE_ENDED"] = 2;
            values[valuesById[3] = "ALERT_PHASE_RAISED"] = 3;
            return values;
        })();

        /**
         * AlertSource enum.
         * @name safewatch.v1.AlertSource
         * @enum {number}
         * @property {number} ALERT_SOURCE_UNSPECIFIED=0 ALERT_SOURCE_UNSPECIFIED value
         * @property {number} ALERT_SOURCE_DETECTED=1 ALERT_SOURCE_DETECTED value
         * @property {number} ALERT_SOURCE_PLATFORM=2 ALERT_SOURCE_PLATFORM value
         * @property {number} ALERT_SOURCE_DETECTED_AND_PLATFORM=3 ALERT_SOURCE_DETECTED_AND_PLATFORM value
         */
        v1.AlertSource = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ALERT_SOURCE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ALERT_SOURCE_DETECTED"] = 1;
            values[valuesById[2] = "ALERT_SOURCE_PLATFORM"] = 2;
            values[valuesById[3] = "ALERT_SOURCE_DETECTED_AND_PLATFORM"] = 3;
            return values;
        })();

        /**
         * RestStopType enum.
         * @name safewatch.v1.RestStopType
         * @enum {number}
         * @property {number} REST_STOP_TYPE_UNSPECIFIED=0 REST_STOP_TYPE_UNSPECIFIED value
         * @property {number} REST_STOP_TYPE_FUEL_STATION=1 REST_STOP_TYPE_FUEL_STATION value
         * @property {number} REST_STOP_TYPE_LOGISTICS_PARK=2 REST_STOP_TYPE_LOGISTICS_PARK value
         * @property {number} REST_STOP_TYPE_EXPRESSWAY_SERVICE_AREA=3 REST_STOP_TYPE_EXPRESSWAY_SERVICE_AREA value
         * @property {number} REST_STOP_TYPE_OTHER=9 REST_STOP_TYPE_OTHER value
         */
        v1.RestStopType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "REST_STOP_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "REST_STOP_TYPE_FUEL_STATION"] = 1;
            values[valuesById[2] = "REST_STOP_TYPE_LOGISTICS_PARK"] = 2;
            values[valuesById[3] = "REST_STOP_TYPE_EXPRESSWAY_SERVICE_AREA"] = 3;
            values[valuesById[9] = "REST_STOP_TYPE_OTHER"] = 9;
            return values;
        })();

        v1.RestStop = (function() {

            /**
             * Properties of a RestStop.
             * @typedef {Object} safewatch.v1.RestStop.$Properties
             * @property {string|null} [id] RestStop id
             * @property {string|null} [name] RestStop name
             * @property {safewatch.v1.RestStopType|null} [type] RestStop type
             * @property {safewatch.v1.GeoPoint.$Properties|null} [location] RestStop location
             * @property {Array.<string>|null} [services] RestStop services
             * @property {number|null} [distanceM] RestStop distanceM
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RestStop.
             * @memberof safewatch.v1
             * @interface IRestStop
             * @augments safewatch.v1.RestStop.$Properties
             * @deprecated Use safewatch.v1.RestStop.$Properties instead.
             */

            /**
             * Shape of a RestStop.
             * @typedef {safewatch.v1.RestStop.$Properties} safewatch.v1.RestStop.$Shape
             */

            /**
             * Constructs a new RestStop.
             * @memberof safewatch.v1
             * @classdesc Represents a RestStop.
             * @constructor
             * @param {safewatch.v1.RestStop.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RestStop = function (p) {
                this.services = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RestStop id.
             * @member {string} id
             * @memberof safewatch.v1.RestStop
             * @instance
             */
            RestStop.prototype.id = "";

            /**
             * RestStop name.
             * @member {string} name
             * @memberof safewatch.v1.RestStop
             * @instance
             */
            RestStop.prototype.name = "";

            /**
             * RestStop type.
             * @member {safewatch.v1.RestStopType} type
             * @memberof safewatch.v1.RestStop
             * @instance
             */
            RestStop.prototype.type = 0;

            /**
             * RestStop location.
             * @member {safewatch.v1.GeoPoint.$Properties|null|undefined} location
             * @memberof safewatch.v1.RestStop
             * @instance
             */
            RestStop.prototype.location = null;

            /**
             * RestStop services.
             * @member {Array.<string>} services
             * @memberof safewatch.v1.RestStop
             * @instance
             */
            RestStop.prototype.services = $util.emptyArray;

            /**
             * RestStop distanceM.
             * @member {number} distanceM
             * @memberof safewatch.v1.RestStop
             * @instance
             */
            RestStop.prototype.distanceM = 0;

            /**
             * Creates a new RestStop instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {safewatch.v1.RestStop.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.RestStop} RestStop instance
             * @type {{
             *   (properties: safewatch.v1.RestStop.$Shape): safewatch.v1.RestStop & safewatch.v1.RestStop.$Shape;
             *   (properties?: safewatch.v1.RestStop.$Properties): safewatch.v1.RestStop;
             * }}
             */
            RestStop.create = function(properties) {
                return new RestStop(properties);
            };

            /**
             * Encodes the specified RestStop message. Does not implicitly {@link safewatch.v1.RestStop.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {safewatch.v1.RestStop.$Properties} m RestStop message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RestStop.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.id);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.name);
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.type);
                if (m.location != null && $Object.hasOwnProperty.call(m, "location"))
                    $root.safewatch.v1.GeoPoint.encode(m.location, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.services != null && m.services.length) {
                    for (var i = 0; i < m.services.length; ++i)
                        w.uint32(/* id 5, wireType 2 =*/42).string(m.services[i]);
                }
                if (m.distanceM != null && $Object.hasOwnProperty.call(m, "distanceM") && m.distanceM !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.distanceM);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified RestStop message, length delimited. Does not implicitly {@link safewatch.v1.RestStop.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {safewatch.v1.RestStop.$Properties} message RestStop message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RestStop.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RestStop message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.RestStop & safewatch.v1.RestStop.$Shape} RestStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RestStop.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.RestStop();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.location = $root.safewatch.v1.GeoPoint.decode(r, r.size(), $undefined, q + 1, m.location);
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.services && m.services.length))
                                m.services = [];
                            m.services.push(r.stringVerify());
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.distanceM = v;
                            else
                                delete m.distanceM;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a RestStop message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.RestStop & safewatch.v1.RestStop.$Shape} RestStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RestStop.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RestStop message.
             * @function verify
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RestStop.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    if (typeof m.type !== "number" || (m.type | 0) !== m.type)
                        return "type: enum value expected";
                }
                if (m.location != null && $Object.hasOwnProperty.call(m, "location")) {
                    {
                        var e = $root.safewatch.v1.GeoPoint.verify(m.location, q + 1);
                        if (e)
                            return "location." + e;
                    }
                }
                if (m.services != null && $Object.hasOwnProperty.call(m, "services")) {
                    if (!$Array.isArray(m.services))
                        return "services: array expected";
                    for (var i = 0; i < m.services.length; ++i) {
                        if (!$util.isString(m.services[i]))
                            return "services: string[] expected";
                    }
                }
                if (m.distanceM != null && $Object.hasOwnProperty.call(m, "distanceM")) {
                    if (!$util.isInteger(m.distanceM))
                        return "distanceM: integer expected";
                }
                return null;
            };

            /**
             * Creates a RestStop message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.RestStop} RestStop
             */
            RestStop.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.RestStop)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.RestStop: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.RestStop();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.type !== 0 && (typeof d.type !== "string" || $root.safewatch.v1.RestStopType[d.type] !== 0)) {
                    switch (d.type) {
                    case "REST_STOP_TYPE_UNSPECIFIED":
                    case 0:
                        m.type = 0;
                        break;
                    case "REST_STOP_TYPE_FUEL_STATION":
                    case 1:
                        m.type = 1;
                        break;
                    case "REST_STOP_TYPE_LOGISTICS_PARK":
                    case 2:
                        m.type = 2;
                        break;
                    case "REST_STOP_TYPE_EXPRESSWAY_SERVICE_AREA":
                    case 3:
                        m.type = 3;
                        break;
                    case "REST_STOP_TYPE_OTHER":
                    case 9:
                        m.type = 9;
                        break;
                    default:
                        if (typeof d.type === "number" && (d.type | 0) === d.type)
                            m.type = d.type;
                    }
                }
                if (d.location != null) {
                    if (!$util.isObject(d.location))
                        throw $TypeError(".safewatch.v1.RestStop.location: object expected");
                    m.location = $root.safewatch.v1.GeoPoint.fromObject(d.location, q + 1);
                }
                if (d.services) {
                    if (!$Array.isArray(d.services))
                        throw $TypeError(".safewatch.v1.RestStop.services: array expected");
                    m.services = $Array(d.services.length);
                    for (var i = 0; i < d.services.length; ++i) {
                        m.services[i] = $String(d.services[i]);
                    }
                }
                if (d.distanceM != null) {
                    if ($Number(d.distanceM) !== 0) {
                        m.distanceM = d.distanceM >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a RestStop message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {safewatch.v1.RestStop} m RestStop
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RestStop.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.services = [];
                }
                if (o.defaults) {
                    d.id = "";
                    d.name = "";
                    d.type = o.enums === $String ? "REST_STOP_TYPE_UNSPECIFIED" : 0;
                    d.location = null;
                    d.distanceM = 0;
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = o.enums === $String ? $root.safewatch.v1.RestStopType[m.type] === $undefined ? m.type : $root.safewatch.v1.RestStopType[m.type] : m.type;
                }
                if (m.location != null && $Object.hasOwnProperty.call(m, "location")) {
                    d.location = $root.safewatch.v1.GeoPoint.toObject(m.location, o, q + 1);
                }
                if (m.services && m.services.length) {
                    d.services = $Array(m.services.length);
                    for (var j = 0; j < m.services.length; ++j) {
                        d.services[j] = m.services[j];
                    }
                }
                if (m.distanceM != null && $Object.hasOwnProperty.call(m, "distanceM")) {
                    d.distanceM = m.distanceM;
                }
                return d;
            };

            /**
             * Converts this RestStop to JSON.
             * @function toJSON
             * @memberof safewatch.v1.RestStop
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RestStop.prototype.toJSON = function() {
                return RestStop.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RestStop
             * @function getTypeUrl
             * @memberof safewatch.v1.RestStop
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RestStop.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.RestStop";
            };

            return RestStop;
        })();

        v1.SpeedingDetail = (function() {

            /**
             * Properties of a SpeedingDetail.
             * @typedef {Object} safewatch.v1.SpeedingDetail.$Properties
             * @property {number|null} [startMs] SpeedingDetail startMs
             * @property {number|null} [endMs] SpeedingDetail endMs
             * @property {number|null} [peakSpeedDkmh] SpeedingDetail peakSpeedDkmh
             * @property {number|null} [limitKmh] SpeedingDetail limitKmh
             * @property {number|null} [durationS] SpeedingDetail durationS
             * @property {safewatch.v1.GeoPoint.$Properties|null} [startPlace] SpeedingDetail startPlace
             * @property {safewatch.v1.GeoPoint.$Properties|null} [endPlace] SpeedingDetail endPlace
             * @property {string|null} [zoneId] SpeedingDetail zoneId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SpeedingDetail.
             * @memberof safewatch.v1
             * @interface ISpeedingDetail
             * @augments safewatch.v1.SpeedingDetail.$Properties
             * @deprecated Use safewatch.v1.SpeedingDetail.$Properties instead.
             */

            /**
             * Shape of a SpeedingDetail.
             * @typedef {safewatch.v1.SpeedingDetail.$Properties} safewatch.v1.SpeedingDetail.$Shape
             */

            /**
             * Constructs a new SpeedingDetail.
             * @memberof safewatch.v1
             * @classdesc Represents a SpeedingDetail.
             * @constructor
             * @param {safewatch.v1.SpeedingDetail.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SpeedingDetail = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SpeedingDetail startMs.
             * @member {number} startMs
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             */
            SpeedingDetail.prototype.startMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SpeedingDetail endMs.
             * @member {number} endMs
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             */
            SpeedingDetail.prototype.endMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SpeedingDetail peakSpeedDkmh.
             * @member {number} peakSpeedDkmh
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             */
            SpeedingDetail.prototype.peakSpeedDkmh = 0;

            /**
             * SpeedingDetail limitKmh.
             * @member {number} limitKmh
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             */
            SpeedingDetail.prototype.limitKmh = 0;

            /**
             * SpeedingDetail durationS.
             * @member {number} durationS
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             */
            SpeedingDetail.prototype.durationS = 0;

            /**
             * SpeedingDetail startPlace.
             * @member {safewatch.v1.GeoPoint.$Properties|null|undefined} startPlace
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             */
            SpeedingDetail.prototype.startPlace = null;

            /**
             * SpeedingDetail endPlace.
             * @member {safewatch.v1.GeoPoint.$Properties|null|undefined} endPlace
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             */
            SpeedingDetail.prototype.endPlace = null;

            /**
             * SpeedingDetail zoneId.
             * @member {string} zoneId
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             */
            SpeedingDetail.prototype.zoneId = "";

            /**
             * Creates a new SpeedingDetail instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {safewatch.v1.SpeedingDetail.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.SpeedingDetail} SpeedingDetail instance
             * @type {{
             *   (properties: safewatch.v1.SpeedingDetail.$Shape): safewatch.v1.SpeedingDetail & safewatch.v1.SpeedingDetail.$Shape;
             *   (properties?: safewatch.v1.SpeedingDetail.$Properties): safewatch.v1.SpeedingDetail;
             * }}
             */
            SpeedingDetail.create = function(properties) {
                return new SpeedingDetail(properties);
            };

            /**
             * Encodes the specified SpeedingDetail message. Does not implicitly {@link safewatch.v1.SpeedingDetail.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {safewatch.v1.SpeedingDetail.$Properties} m SpeedingDetail message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SpeedingDetail.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs") && (typeof m.startMs === "object" ? m.startMs.low || m.startMs.high : m.startMs !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.startMs);
                if (m.endMs != null && $Object.hasOwnProperty.call(m, "endMs") && (typeof m.endMs === "object" ? m.endMs.low || m.endMs.high : m.endMs !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.endMs);
                if (m.peakSpeedDkmh != null && $Object.hasOwnProperty.call(m, "peakSpeedDkmh") && m.peakSpeedDkmh !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.peakSpeedDkmh);
                if (m.limitKmh != null && $Object.hasOwnProperty.call(m, "limitKmh") && m.limitKmh !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.limitKmh);
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS") && m.durationS !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.durationS);
                if (m.startPlace != null && $Object.hasOwnProperty.call(m, "startPlace"))
                    $root.safewatch.v1.GeoPoint.encode(m.startPlace, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.endPlace != null && $Object.hasOwnProperty.call(m, "endPlace"))
                    $root.safewatch.v1.GeoPoint.encode(m.endPlace, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.zoneId != null && $Object.hasOwnProperty.call(m, "zoneId") && m.zoneId !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.zoneId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SpeedingDetail message, length delimited. Does not implicitly {@link safewatch.v1.SpeedingDetail.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {safewatch.v1.SpeedingDetail.$Properties} message SpeedingDetail message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SpeedingDetail.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SpeedingDetail message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.SpeedingDetail & safewatch.v1.SpeedingDetail.$Shape} SpeedingDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SpeedingDetail.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.SpeedingDetail();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.startMs = v;
                            else
                                delete m.startMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.endMs = v;
                            else
                                delete m.endMs;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.peakSpeedDkmh = v;
                            else
                                delete m.peakSpeedDkmh;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.limitKmh = v;
                            else
                                delete m.limitKmh;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.durationS = v;
                            else
                                delete m.durationS;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.startPlace = $root.safewatch.v1.GeoPoint.decode(r, r.size(), $undefined, q + 1, m.startPlace);
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.endPlace = $root.safewatch.v1.GeoPoint.decode(r, r.size(), $undefined, q + 1, m.endPlace);
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.zoneId = v;
                            else
                                delete m.zoneId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SpeedingDetail message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.SpeedingDetail & safewatch.v1.SpeedingDetail.$Shape} SpeedingDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SpeedingDetail.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SpeedingDetail message.
             * @function verify
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SpeedingDetail.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs")) {
                    if (!$util.isInteger(m.startMs) && !(m.startMs && $util.isInteger(m.startMs.low) && $util.isInteger(m.startMs.high)))
                        return "startMs: integer|Long expected";
                }
                if (m.endMs != null && $Object.hasOwnProperty.call(m, "endMs")) {
                    if (!$util.isInteger(m.endMs) && !(m.endMs && $util.isInteger(m.endMs.low) && $util.isInteger(m.endMs.high)))
                        return "endMs: integer|Long expected";
                }
                if (m.peakSpeedDkmh != null && $Object.hasOwnProperty.call(m, "peakSpeedDkmh")) {
                    if (!$util.isInteger(m.peakSpeedDkmh))
                        return "peakSpeedDkmh: integer expected";
                }
                if (m.limitKmh != null && $Object.hasOwnProperty.call(m, "limitKmh")) {
                    if (!$util.isInteger(m.limitKmh))
                        return "limitKmh: integer expected";
                }
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS")) {
                    if (!$util.isInteger(m.durationS))
                        return "durationS: integer expected";
                }
                if (m.startPlace != null && $Object.hasOwnProperty.call(m, "startPlace")) {
                    {
                        var e = $root.safewatch.v1.GeoPoint.verify(m.startPlace, q + 1);
                        if (e)
                            return "startPlace." + e;
                    }
                }
                if (m.endPlace != null && $Object.hasOwnProperty.call(m, "endPlace")) {
                    {
                        var e = $root.safewatch.v1.GeoPoint.verify(m.endPlace, q + 1);
                        if (e)
                            return "endPlace." + e;
                    }
                }
                if (m.zoneId != null && $Object.hasOwnProperty.call(m, "zoneId")) {
                    if (!$util.isString(m.zoneId))
                        return "zoneId: string expected";
                }
                return null;
            };

            /**
             * Creates a SpeedingDetail message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.SpeedingDetail} SpeedingDetail
             */
            SpeedingDetail.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.SpeedingDetail)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.SpeedingDetail: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.SpeedingDetail();
                if (d.startMs != null) {
                    if (typeof d.startMs === "object" ? d.startMs.low || d.startMs.high : $Number(d.startMs) !== 0) {
                        if ($util.Long)
                            m.startMs = $util.Long.fromValue(d.startMs, false);
                        else if (typeof d.startMs === "string")
                            m.startMs = $parseInt(d.startMs, 10);
                        else if (typeof d.startMs === "number")
                            m.startMs = d.startMs;
                        else if (typeof d.startMs === "object")
                            m.startMs = new $util.LongBits(d.startMs.low >>> 0, d.startMs.high >>> 0).toNumber();
                    }
                }
                if (d.endMs != null) {
                    if (typeof d.endMs === "object" ? d.endMs.low || d.endMs.high : $Number(d.endMs) !== 0) {
                        if ($util.Long)
                            m.endMs = $util.Long.fromValue(d.endMs, false);
                        else if (typeof d.endMs === "string")
                            m.endMs = $parseInt(d.endMs, 10);
                        else if (typeof d.endMs === "number")
                            m.endMs = d.endMs;
                        else if (typeof d.endMs === "object")
                            m.endMs = new $util.LongBits(d.endMs.low >>> 0, d.endMs.high >>> 0).toNumber();
                    }
                }
                if (d.peakSpeedDkmh != null) {
                    if ($Number(d.peakSpeedDkmh) !== 0) {
                        m.peakSpeedDkmh = d.peakSpeedDkmh >>> 0;
                    }
                }
                if (d.limitKmh != null) {
                    if ($Number(d.limitKmh) !== 0) {
                        m.limitKmh = d.limitKmh >>> 0;
                    }
                }
                if (d.durationS != null) {
                    if ($Number(d.durationS) !== 0) {
                        m.durationS = d.durationS >>> 0;
                    }
                }
                if (d.startPlace != null) {
                    if (!$util.isObject(d.startPlace))
                        throw $TypeError(".safewatch.v1.SpeedingDetail.startPlace: object expected");
                    m.startPlace = $root.safewatch.v1.GeoPoint.fromObject(d.startPlace, q + 1);
                }
                if (d.endPlace != null) {
                    if (!$util.isObject(d.endPlace))
                        throw $TypeError(".safewatch.v1.SpeedingDetail.endPlace: object expected");
                    m.endPlace = $root.safewatch.v1.GeoPoint.fromObject(d.endPlace, q + 1);
                }
                if (d.zoneId != null) {
                    if (typeof d.zoneId !== "string" || d.zoneId.length) {
                        m.zoneId = $String(d.zoneId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SpeedingDetail message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {safewatch.v1.SpeedingDetail} m SpeedingDetail
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SpeedingDetail.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.startMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.endMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.endMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.peakSpeedDkmh = 0;
                    d.limitKmh = 0;
                    d.durationS = 0;
                    d.startPlace = null;
                    d.endPlace = null;
                    d.zoneId = "";
                }
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startMs = typeof m.startMs === "number" ? $BigInt(m.startMs) : $util.Long.fromBits(m.startMs.low >>> 0, m.startMs.high >>> 0, false).toBigInt();
                    else if (typeof m.startMs === "number")
                        d.startMs = o.longs === $String ? $String(m.startMs) : m.startMs;
                    else
                        d.startMs = o.longs === $String ? $util.Long.prototype.toString.call(m.startMs) : o.longs === $Number ? new $util.LongBits(m.startMs.low >>> 0, m.startMs.high >>> 0).toNumber() : m.startMs;
                }
                if (m.endMs != null && $Object.hasOwnProperty.call(m, "endMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.endMs = typeof m.endMs === "number" ? $BigInt(m.endMs) : $util.Long.fromBits(m.endMs.low >>> 0, m.endMs.high >>> 0, false).toBigInt();
                    else if (typeof m.endMs === "number")
                        d.endMs = o.longs === $String ? $String(m.endMs) : m.endMs;
                    else
                        d.endMs = o.longs === $String ? $util.Long.prototype.toString.call(m.endMs) : o.longs === $Number ? new $util.LongBits(m.endMs.low >>> 0, m.endMs.high >>> 0).toNumber() : m.endMs;
                }
                if (m.peakSpeedDkmh != null && $Object.hasOwnProperty.call(m, "peakSpeedDkmh")) {
                    d.peakSpeedDkmh = m.peakSpeedDkmh;
                }
                if (m.limitKmh != null && $Object.hasOwnProperty.call(m, "limitKmh")) {
                    d.limitKmh = m.limitKmh;
                }
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS")) {
                    d.durationS = m.durationS;
                }
                if (m.startPlace != null && $Object.hasOwnProperty.call(m, "startPlace")) {
                    d.startPlace = $root.safewatch.v1.GeoPoint.toObject(m.startPlace, o, q + 1);
                }
                if (m.endPlace != null && $Object.hasOwnProperty.call(m, "endPlace")) {
                    d.endPlace = $root.safewatch.v1.GeoPoint.toObject(m.endPlace, o, q + 1);
                }
                if (m.zoneId != null && $Object.hasOwnProperty.call(m, "zoneId")) {
                    d.zoneId = m.zoneId;
                }
                return d;
            };

            /**
             * Converts this SpeedingDetail to JSON.
             * @function toJSON
             * @memberof safewatch.v1.SpeedingDetail
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SpeedingDetail.prototype.toJSON = function() {
                return SpeedingDetail.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SpeedingDetail
             * @function getTypeUrl
             * @memberof safewatch.v1.SpeedingDetail
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SpeedingDetail.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.SpeedingDetail";
            };

            return SpeedingDetail;
        })();

        v1.FatigueDetail = (function() {

            /**
             * Properties of a FatigueDetail.
             * @typedef {Object} safewatch.v1.FatigueDetail.$Properties
             * @property {number|null} [drivingSinceMs] FatigueDetail drivingSinceMs
             * @property {number|null} [continuousDrivingS] FatigueDetail continuousDrivingS
             * @property {number|null} [cumulativeDrivingS] FatigueDetail cumulativeDrivingS
             * @property {number|null} [limitS] FatigueDetail limitS
             * @property {safewatch.v1.GeoPoint.$Properties|null} [place] FatigueDetail place
             * @property {number|null} [headingDeg] FatigueDetail headingDeg
             * @property {Array.<safewatch.v1.RestStop.$Properties>|null} [suggestedRestStops] FatigueDetail suggestedRestStops
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FatigueDetail.
             * @memberof safewatch.v1
             * @interface IFatigueDetail
             * @augments safewatch.v1.FatigueDetail.$Properties
             * @deprecated Use safewatch.v1.FatigueDetail.$Properties instead.
             */

            /**
             * Shape of a FatigueDetail.
             * @typedef {safewatch.v1.FatigueDetail.$Properties} safewatch.v1.FatigueDetail.$Shape
             */

            /**
             * Constructs a new FatigueDetail.
             * @memberof safewatch.v1
             * @classdesc Represents a FatigueDetail.
             * @constructor
             * @param {safewatch.v1.FatigueDetail.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FatigueDetail = function (p) {
                this.suggestedRestStops = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * FatigueDetail drivingSinceMs.
             * @member {number} drivingSinceMs
             * @memberof safewatch.v1.FatigueDetail
             * @instance
             */
            FatigueDetail.prototype.drivingSinceMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * FatigueDetail continuousDrivingS.
             * @member {number} continuousDrivingS
             * @memberof safewatch.v1.FatigueDetail
             * @instance
             */
            FatigueDetail.prototype.continuousDrivingS = 0;

            /**
             * FatigueDetail cumulativeDrivingS.
             * @member {number} cumulativeDrivingS
             * @memberof safewatch.v1.FatigueDetail
             * @instance
             */
            FatigueDetail.prototype.cumulativeDrivingS = 0;

            /**
             * FatigueDetail limitS.
             * @member {number} limitS
             * @memberof safewatch.v1.FatigueDetail
             * @instance
             */
            FatigueDetail.prototype.limitS = 0;

            /**
             * FatigueDetail place.
             * @member {safewatch.v1.GeoPoint.$Properties|null|undefined} place
             * @memberof safewatch.v1.FatigueDetail
             * @instance
             */
            FatigueDetail.prototype.place = null;

            /**
             * FatigueDetail headingDeg.
             * @member {number} headingDeg
             * @memberof safewatch.v1.FatigueDetail
             * @instance
             */
            FatigueDetail.prototype.headingDeg = 0;

            /**
             * FatigueDetail suggestedRestStops.
             * @member {Array.<safewatch.v1.RestStop.$Properties>} suggestedRestStops
             * @memberof safewatch.v1.FatigueDetail
             * @instance
             */
            FatigueDetail.prototype.suggestedRestStops = $util.emptyArray;

            /**
             * Creates a new FatigueDetail instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {safewatch.v1.FatigueDetail.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.FatigueDetail} FatigueDetail instance
             * @type {{
             *   (properties: safewatch.v1.FatigueDetail.$Shape): safewatch.v1.FatigueDetail & safewatch.v1.FatigueDetail.$Shape;
             *   (properties?: safewatch.v1.FatigueDetail.$Properties): safewatch.v1.FatigueDetail;
             * }}
             */
            FatigueDetail.create = function(properties) {
                return new FatigueDetail(properties);
            };

            /**
             * Encodes the specified FatigueDetail message. Does not implicitly {@link safewatch.v1.FatigueDetail.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {safewatch.v1.FatigueDetail.$Properties} m FatigueDetail message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FatigueDetail.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.drivingSinceMs != null && $Object.hasOwnProperty.call(m, "drivingSinceMs") && (typeof m.drivingSinceMs === "object" ? m.drivingSinceMs.low || m.drivingSinceMs.high : m.drivingSinceMs !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.drivingSinceMs);
                if (m.continuousDrivingS != null && $Object.hasOwnProperty.call(m, "continuousDrivingS") && m.continuousDrivingS !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.continuousDrivingS);
                if (m.cumulativeDrivingS != null && $Object.hasOwnProperty.call(m, "cumulativeDrivingS") && m.cumulativeDrivingS !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.cumulativeDrivingS);
                if (m.limitS != null && $Object.hasOwnProperty.call(m, "limitS") && m.limitS !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.limitS);
                if (m.place != null && $Object.hasOwnProperty.call(m, "place"))
                    $root.safewatch.v1.GeoPoint.encode(m.place, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.headingDeg != null && $Object.hasOwnProperty.call(m, "headingDeg") && m.headingDeg !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.headingDeg);
                if (m.suggestedRestStops != null && m.suggestedRestStops.length) {
                    for (var i = 0; i < m.suggestedRestStops.length; ++i)
                        $root.safewatch.v1.RestStop.encode(m.suggestedRestStops[i], w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified FatigueDetail message, length delimited. Does not implicitly {@link safewatch.v1.FatigueDetail.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {safewatch.v1.FatigueDetail.$Properties} message FatigueDetail message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FatigueDetail.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a FatigueDetail message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.FatigueDetail & safewatch.v1.FatigueDetail.$Shape} FatigueDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FatigueDetail.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.FatigueDetail();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.drivingSinceMs = v;
                            else
                                delete m.drivingSinceMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.continuousDrivingS = v;
                            else
                                delete m.continuousDrivingS;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cumulativeDrivingS = v;
                            else
                                delete m.cumulativeDrivingS;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.limitS = v;
                            else
                                delete m.limitS;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.place = $root.safewatch.v1.GeoPoint.decode(r, r.size(), $undefined, q + 1, m.place);
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.headingDeg = v;
                            else
                                delete m.headingDeg;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if (!(m.suggestedRestStops && m.suggestedRestStops.length))
                                m.suggestedRestStops = [];
                            m.suggestedRestStops.push($root.safewatch.v1.RestStop.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a FatigueDetail message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.FatigueDetail & safewatch.v1.FatigueDetail.$Shape} FatigueDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FatigueDetail.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a FatigueDetail message.
             * @function verify
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            FatigueDetail.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.drivingSinceMs != null && $Object.hasOwnProperty.call(m, "drivingSinceMs")) {
                    if (!$util.isInteger(m.drivingSinceMs) && !(m.drivingSinceMs && $util.isInteger(m.drivingSinceMs.low) && $util.isInteger(m.drivingSinceMs.high)))
                        return "drivingSinceMs: integer|Long expected";
                }
                if (m.continuousDrivingS != null && $Object.hasOwnProperty.call(m, "continuousDrivingS")) {
                    if (!$util.isInteger(m.continuousDrivingS))
                        return "continuousDrivingS: integer expected";
                }
                if (m.cumulativeDrivingS != null && $Object.hasOwnProperty.call(m, "cumulativeDrivingS")) {
                    if (!$util.isInteger(m.cumulativeDrivingS))
                        return "cumulativeDrivingS: integer expected";
                }
                if (m.limitS != null && $Object.hasOwnProperty.call(m, "limitS")) {
                    if (!$util.isInteger(m.limitS))
                        return "limitS: integer expected";
                }
                if (m.place != null && $Object.hasOwnProperty.call(m, "place")) {
                    {
                        var e = $root.safewatch.v1.GeoPoint.verify(m.place, q + 1);
                        if (e)
                            return "place." + e;
                    }
                }
                if (m.headingDeg != null && $Object.hasOwnProperty.call(m, "headingDeg")) {
                    if (!$util.isInteger(m.headingDeg))
                        return "headingDeg: integer expected";
                }
                if (m.suggestedRestStops != null && $Object.hasOwnProperty.call(m, "suggestedRestStops")) {
                    if (!$Array.isArray(m.suggestedRestStops))
                        return "suggestedRestStops: array expected";
                    for (var i = 0; i < m.suggestedRestStops.length; ++i) {
                        {
                            var e = $root.safewatch.v1.RestStop.verify(m.suggestedRestStops[i], q + 1);
                            if (e)
                                return "suggestedRestStops." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a FatigueDetail message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.FatigueDetail} FatigueDetail
             */
            FatigueDetail.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.FatigueDetail)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.FatigueDetail: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.FatigueDetail();
                if (d.drivingSinceMs != null) {
                    if (typeof d.drivingSinceMs === "object" ? d.drivingSinceMs.low || d.drivingSinceMs.high : $Number(d.drivingSinceMs) !== 0) {
                        if ($util.Long)
                            m.drivingSinceMs = $util.Long.fromValue(d.drivingSinceMs, false);
                        else if (typeof d.drivingSinceMs === "string")
                            m.drivingSinceMs = $parseInt(d.drivingSinceMs, 10);
                        else if (typeof d.drivingSinceMs === "number")
                            m.drivingSinceMs = d.drivingSinceMs;
                        else if (typeof d.drivingSinceMs === "object")
                            m.drivingSinceMs = new $util.LongBits(d.drivingSinceMs.low >>> 0, d.drivingSinceMs.high >>> 0).toNumber();
                    }
                }
                if (d.continuousDrivingS != null) {
                    if ($Number(d.continuousDrivingS) !== 0) {
                        m.continuousDrivingS = d.continuousDrivingS >>> 0;
                    }
                }
                if (d.cumulativeDrivingS != null) {
                    if ($Number(d.cumulativeDrivingS) !== 0) {
                        m.cumulativeDrivingS = d.cumulativeDrivingS >>> 0;
                    }
                }
                if (d.limitS != null) {
                    if ($Number(d.limitS) !== 0) {
                        m.limitS = d.limitS >>> 0;
                    }
                }
                if (d.place != null) {
                    if (!$util.isObject(d.place))
                        throw $TypeError(".safewatch.v1.FatigueDetail.place: object expected");
                    m.place = $root.safewatch.v1.GeoPoint.fromObject(d.place, q + 1);
                }
                if (d.headingDeg != null) {
                    if ($Number(d.headingDeg) !== 0) {
                        m.headingDeg = d.headingDeg >>> 0;
                    }
                }
                if (d.suggestedRestStops) {
                    if (!$Array.isArray(d.suggestedRestStops))
                        throw $TypeError(".safewatch.v1.FatigueDetail.suggestedRestStops: array expected");
                    m.suggestedRestStops = $Array(d.suggestedRestStops.length);
                    for (var i = 0; i < d.suggestedRestStops.length; ++i) {
                        if (!$util.isObject(d.suggestedRestStops[i]))
                            throw $TypeError(".safewatch.v1.FatigueDetail.suggestedRestStops: object expected");
                        m.suggestedRestStops[i] = $root.safewatch.v1.RestStop.fromObject(d.suggestedRestStops[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a FatigueDetail message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {safewatch.v1.FatigueDetail} m FatigueDetail
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FatigueDetail.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.suggestedRestStops = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.drivingSinceMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.drivingSinceMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.continuousDrivingS = 0;
                    d.cumulativeDrivingS = 0;
                    d.limitS = 0;
                    d.place = null;
                    d.headingDeg = 0;
                }
                if (m.drivingSinceMs != null && $Object.hasOwnProperty.call(m, "drivingSinceMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.drivingSinceMs = typeof m.drivingSinceMs === "number" ? $BigInt(m.drivingSinceMs) : $util.Long.fromBits(m.drivingSinceMs.low >>> 0, m.drivingSinceMs.high >>> 0, false).toBigInt();
                    else if (typeof m.drivingSinceMs === "number")
                        d.drivingSinceMs = o.longs === $String ? $String(m.drivingSinceMs) : m.drivingSinceMs;
                    else
                        d.drivingSinceMs = o.longs === $String ? $util.Long.prototype.toString.call(m.drivingSinceMs) : o.longs === $Number ? new $util.LongBits(m.drivingSinceMs.low >>> 0, m.drivingSinceMs.high >>> 0).toNumber() : m.drivingSinceMs;
                }
                if (m.continuousDrivingS != null && $Object.hasOwnProperty.call(m, "continuousDrivingS")) {
                    d.continuousDrivingS = m.continuousDrivingS;
                }
                if (m.cumulativeDrivingS != null && $Object.hasOwnProperty.call(m, "cumulativeDrivingS")) {
                    d.cumulativeDrivingS = m.cumulativeDrivingS;
                }
                if (m.limitS != null && $Object.hasOwnProperty.call(m, "limitS")) {
                    d.limitS = m.limitS;
                }
                if (m.place != null && $Object.hasOwnProperty.call(m, "place")) {
                    d.place = $root.safewatch.v1.GeoPoint.toObject(m.place, o, q + 1);
                }
                if (m.headingDeg != null && $Object.hasOwnProperty.call(m, "headingDeg")) {
                    d.headingDeg = m.headingDeg;
                }
                if (m.suggestedRestStops && m.suggestedRestStops.length) {
                    d.suggestedRestStops = $Array(m.suggestedRestStops.length);
                    for (var j = 0; j < m.suggestedRestStops.length; ++j) {
                        d.suggestedRestStops[j] = $root.safewatch.v1.RestStop.toObject(m.suggestedRestStops[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this FatigueDetail to JSON.
             * @function toJSON
             * @memberof safewatch.v1.FatigueDetail
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FatigueDetail.prototype.toJSON = function() {
                return FatigueDetail.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for FatigueDetail
             * @function getTypeUrl
             * @memberof safewatch.v1.FatigueDetail
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FatigueDetail.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.FatigueDetail";
            };

            return FatigueDetail;
        })();

        v1.CertificateDetail = (function() {

            /**
             * Properties of a CertificateDetail.
             * @typedef {Object} safewatch.v1.CertificateDetail.$Properties
             * @property {string|null} [expiresOn] CertificateDetail expiresOn
             * @property {number|null} [daysLeft] CertificateDetail daysLeft
             * @property {string|null} [driverId] CertificateDetail driverId
             * @property {string|null} [certificate] CertificateDetail certificate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CertificateDetail.
             * @memberof safewatch.v1
             * @interface ICertificateDetail
             * @augments safewatch.v1.CertificateDetail.$Properties
             * @deprecated Use safewatch.v1.CertificateDetail.$Properties instead.
             */

            /**
             * Shape of a CertificateDetail.
             * @typedef {safewatch.v1.CertificateDetail.$Properties} safewatch.v1.CertificateDetail.$Shape
             */

            /**
             * Constructs a new CertificateDetail.
             * @memberof safewatch.v1
             * @classdesc Represents a CertificateDetail.
             * @constructor
             * @param {safewatch.v1.CertificateDetail.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CertificateDetail = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CertificateDetail expiresOn.
             * @member {string} expiresOn
             * @memberof safewatch.v1.CertificateDetail
             * @instance
             */
            CertificateDetail.prototype.expiresOn = "";

            /**
             * CertificateDetail daysLeft.
             * @member {number} daysLeft
             * @memberof safewatch.v1.CertificateDetail
             * @instance
             */
            CertificateDetail.prototype.daysLeft = 0;

            /**
             * CertificateDetail driverId.
             * @member {string} driverId
             * @memberof safewatch.v1.CertificateDetail
             * @instance
             */
            CertificateDetail.prototype.driverId = "";

            /**
             * CertificateDetail certificate.
             * @member {string} certificate
             * @memberof safewatch.v1.CertificateDetail
             * @instance
             */
            CertificateDetail.prototype.certificate = "";

            /**
             * Creates a new CertificateDetail instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {safewatch.v1.CertificateDetail.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.CertificateDetail} CertificateDetail instance
             * @type {{
             *   (properties: safewatch.v1.CertificateDetail.$Shape): safewatch.v1.CertificateDetail & safewatch.v1.CertificateDetail.$Shape;
             *   (properties?: safewatch.v1.CertificateDetail.$Properties): safewatch.v1.CertificateDetail;
             * }}
             */
            CertificateDetail.create = function(properties) {
                return new CertificateDetail(properties);
            };

            /**
             * Encodes the specified CertificateDetail message. Does not implicitly {@link safewatch.v1.CertificateDetail.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {safewatch.v1.CertificateDetail.$Properties} m CertificateDetail message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CertificateDetail.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.expiresOn != null && $Object.hasOwnProperty.call(m, "expiresOn") && m.expiresOn !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.expiresOn);
                if (m.daysLeft != null && $Object.hasOwnProperty.call(m, "daysLeft") && m.daysLeft !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).sint32(m.daysLeft);
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId") && m.driverId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.driverId);
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate") && m.certificate !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.certificate);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified CertificateDetail message, length delimited. Does not implicitly {@link safewatch.v1.CertificateDetail.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {safewatch.v1.CertificateDetail.$Properties} message CertificateDetail message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CertificateDetail.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CertificateDetail message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.CertificateDetail & safewatch.v1.CertificateDetail.$Shape} CertificateDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CertificateDetail.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.CertificateDetail();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.expiresOn = v;
                            else
                                delete m.expiresOn;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.daysLeft = v;
                            else
                                delete m.daysLeft;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.driverId = v;
                            else
                                delete m.driverId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.certificate = v;
                            else
                                delete m.certificate;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a CertificateDetail message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.CertificateDetail & safewatch.v1.CertificateDetail.$Shape} CertificateDetail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CertificateDetail.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CertificateDetail message.
             * @function verify
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CertificateDetail.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.expiresOn != null && $Object.hasOwnProperty.call(m, "expiresOn")) {
                    if (!$util.isString(m.expiresOn))
                        return "expiresOn: string expected";
                }
                if (m.daysLeft != null && $Object.hasOwnProperty.call(m, "daysLeft")) {
                    if (!$util.isInteger(m.daysLeft))
                        return "daysLeft: integer expected";
                }
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId")) {
                    if (!$util.isString(m.driverId))
                        return "driverId: string expected";
                }
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate")) {
                    if (!$util.isString(m.certificate))
                        return "certificate: string expected";
                }
                return null;
            };

            /**
             * Creates a CertificateDetail message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.CertificateDetail} CertificateDetail
             */
            CertificateDetail.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.CertificateDetail)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.CertificateDetail: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.CertificateDetail();
                if (d.expiresOn != null) {
                    if (typeof d.expiresOn !== "string" || d.expiresOn.length) {
                        m.expiresOn = $String(d.expiresOn);
                    }
                }
                if (d.daysLeft != null) {
                    if ($Number(d.daysLeft) !== 0) {
                        m.daysLeft = d.daysLeft | 0;
                    }
                }
                if (d.driverId != null) {
                    if (typeof d.driverId !== "string" || d.driverId.length) {
                        m.driverId = $String(d.driverId);
                    }
                }
                if (d.certificate != null) {
                    if (typeof d.certificate !== "string" || d.certificate.length) {
                        m.certificate = $String(d.certificate);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CertificateDetail message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {safewatch.v1.CertificateDetail} m CertificateDetail
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CertificateDetail.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.expiresOn = "";
                    d.daysLeft = 0;
                    d.driverId = "";
                    d.certificate = "";
                }
                if (m.expiresOn != null && $Object.hasOwnProperty.call(m, "expiresOn")) {
                    d.expiresOn = m.expiresOn;
                }
                if (m.daysLeft != null && $Object.hasOwnProperty.call(m, "daysLeft")) {
                    d.daysLeft = m.daysLeft;
                }
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId")) {
                    d.driverId = m.driverId;
                }
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate")) {
                    d.certificate = m.certificate;
                }
                return d;
            };

            /**
             * Converts this CertificateDetail to JSON.
             * @function toJSON
             * @memberof safewatch.v1.CertificateDetail
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CertificateDetail.prototype.toJSON = function() {
                return CertificateDetail.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CertificateDetail
             * @function getTypeUrl
             * @memberof safewatch.v1.CertificateDetail
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CertificateDetail.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.CertificateDetail";
            };

            return CertificateDetail;
        })();

        v1.Alert = (function() {

            /**
             * Properties of an Alert.
             * @typedef {Object} safewatch.v1.Alert.$Properties
             * @property {string|null} [alertId] Alert alertId
             * @property {safewatch.v1.VehicleRef.$Properties|null} [vehicle] Alert vehicle
             * @property {safewatch.v1.AlertType|null} [type] Alert type
             * @property {safewatch.v1.AlertPhase|null} [phase] Alert phase
             * @property {safewatch.v1.AlertSource|null} [source] Alert source
             * @property {number|null} [occurredAtMs] Alert occurredAtMs
             * @property {number|null} [episodeStartMs] Alert episodeStartMs
             * @property {safewatch.v1.SpeedingDetail.$Properties|null} [speeding] Alert speeding
             * @property {safewatch.v1.FatigueDetail.$Properties|null} [fatigue] Alert fatigue
             * @property {safewatch.v1.CertificateDetail.$Properties|null} [certificate] Alert certificate
             * @property {"speeding"|"fatigue"|"certificate"} [detail] Alert detail
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Alert.
             * @memberof safewatch.v1
             * @interface IAlert
             * @augments safewatch.v1.Alert.$Properties
             * @deprecated Use safewatch.v1.Alert.$Properties instead.
             */

            /**
             * Narrowed shape of an Alert.
             * @typedef {{
             *   alertId?: string|null;
             *   vehicle?: safewatch.v1.VehicleRef.$Shape|null;
             *   type?: safewatch.v1.AlertType|null;
             *   phase?: safewatch.v1.AlertPhase|null;
             *   source?: safewatch.v1.AlertSource|null;
             *   occurredAtMs?: number|null;
             *   episodeStartMs?: number|null;
             *   speeding?: safewatch.v1.SpeedingDetail.$Shape|null;
             *   fatigue?: safewatch.v1.FatigueDetail.$Shape|null;
             *   certificate?: safewatch.v1.CertificateDetail.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ detail?: undefined; speeding?: null; fatigue?: null; certificate?: null }|{ detail?: "speeding"; speeding: safewatch.v1.SpeedingDetail.$Shape; fatigue?: null; certificate?: null }|{ detail?: "fatigue"; speeding?: null; fatigue: safewatch.v1.FatigueDetail.$Shape; certificate?: null }|{ detail?: "certificate"; speeding?: null; fatigue?: null; certificate: safewatch.v1.CertificateDetail.$Shape })
             * )} safewatch.v1.Alert.$Shape
             */

            /**
             * Constructs a new Alert.
             * @memberof safewatch.v1
             * @classdesc Represents an Alert.
             * @constructor
             * @param {safewatch.v1.Alert.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Alert = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Alert alertId.
             * @member {string} alertId
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.alertId = "";

            /**
             * Alert vehicle.
             * @member {safewatch.v1.VehicleRef.$Properties|null|undefined} vehicle
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.vehicle = null;

            /**
             * Alert type.
             * @member {safewatch.v1.AlertType} type
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.type = 0;

            /**
             * Alert phase.
             * @member {safewatch.v1.AlertPhase} phase
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.phase = 0;

            /**
             * Alert source.
             * @member {safewatch.v1.AlertSource} source
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.source = 0;

            /**
             * Alert occurredAtMs.
             * @member {number} occurredAtMs
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.occurredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Alert episodeStartMs.
             * @member {number} episodeStartMs
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.episodeStartMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Alert speeding.
             * @member {safewatch.v1.SpeedingDetail.$Properties|null|undefined} speeding
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.speeding = null;

            /**
             * Alert fatigue.
             * @member {safewatch.v1.FatigueDetail.$Properties|null|undefined} fatigue
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.fatigue = null;

            /**
             * Alert certificate.
             * @member {safewatch.v1.CertificateDetail.$Properties|null|undefined} certificate
             * @memberof safewatch.v1.Alert
             * @instance
             */
            Alert.prototype.certificate = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Alert detail.
             * @member {"speeding"|"fatigue"|"certificate"|undefined} detail
             * @memberof safewatch.v1.Alert
             * @instance
             */
            $Object.defineProperty(Alert.prototype, "detail", {
                get: $util.oneOfGetter($oneOfFields = ["speeding", "fatigue", "certificate"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Alert instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.Alert
             * @static
             * @param {safewatch.v1.Alert.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.Alert} Alert instance
             * @type {{
             *   (properties: safewatch.v1.Alert.$Shape): safewatch.v1.Alert & safewatch.v1.Alert.$Shape;
             *   (properties?: safewatch.v1.Alert.$Properties): safewatch.v1.Alert;
             * }}
             */
            Alert.create = function(properties) {
                return new Alert(properties);
            };

            /**
             * Encodes the specified Alert message. Does not implicitly {@link safewatch.v1.Alert.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.Alert
             * @static
             * @param {safewatch.v1.Alert.$Properties} m Alert message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Alert.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.alertId != null && $Object.hasOwnProperty.call(m, "alertId") && m.alertId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.alertId);
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle"))
                    $root.safewatch.v1.VehicleRef.encode(m.vehicle, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.type);
                if (m.phase != null && $Object.hasOwnProperty.call(m, "phase") && m.phase !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.phase);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).int32(m.source);
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs") && (typeof m.occurredAtMs === "object" ? m.occurredAtMs.low || m.occurredAtMs.high : m.occurredAtMs !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).int64(m.occurredAtMs);
                if (m.episodeStartMs != null && $Object.hasOwnProperty.call(m, "episodeStartMs") && (typeof m.episodeStartMs === "object" ? m.episodeStartMs.low || m.episodeStartMs.high : m.episodeStartMs !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).int64(m.episodeStartMs);
                if (m.speeding != null && $Object.hasOwnProperty.call(m, "speeding"))
                    $root.safewatch.v1.SpeedingDetail.encode(m.speeding, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.fatigue != null && $Object.hasOwnProperty.call(m, "fatigue"))
                    $root.safewatch.v1.FatigueDetail.encode(m.fatigue, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate"))
                    $root.safewatch.v1.CertificateDetail.encode(m.certificate, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Alert message, length delimited. Does not implicitly {@link safewatch.v1.Alert.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.Alert
             * @static
             * @param {safewatch.v1.Alert.$Properties} message Alert message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Alert.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Alert message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.Alert
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.Alert & safewatch.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Alert.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.Alert();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.alertId = v;
                            else
                                delete m.alertId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.vehicle = $root.safewatch.v1.VehicleRef.decode(r, r.size(), $undefined, q + 1, m.vehicle);
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.phase = v;
                            else
                                delete m.phase;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.occurredAtMs = v;
                            else
                                delete m.occurredAtMs;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.episodeStartMs = v;
                            else
                                delete m.episodeStartMs;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.speeding = $root.safewatch.v1.SpeedingDetail.decode(r, r.size(), $undefined, q + 1, m.speeding);
                            m.detail = "speeding";
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.fatigue = $root.safewatch.v1.FatigueDetail.decode(r, r.size(), $undefined, q + 1, m.fatigue);
                            m.detail = "fatigue";
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.certificate = $root.safewatch.v1.CertificateDetail.decode(r, r.size(), $undefined, q + 1, m.certificate);
                            m.detail = "certificate";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an Alert message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.Alert
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.Alert & safewatch.v1.Alert.$Shape} Alert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Alert.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Alert message.
             * @function verify
             * @memberof safewatch.v1.Alert
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Alert.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.alertId != null && $Object.hasOwnProperty.call(m, "alertId")) {
                    if (!$util.isString(m.alertId))
                        return "alertId: string expected";
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    {
                        var e = $root.safewatch.v1.VehicleRef.verify(m.vehicle, q + 1);
                        if (e)
                            return "vehicle." + e;
                    }
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    if (typeof m.type !== "number" || (m.type | 0) !== m.type)
                        return "type: enum value expected";
                }
                if (m.phase != null && $Object.hasOwnProperty.call(m, "phase")) {
                    if (typeof m.phase !== "number" || (m.phase | 0) !== m.phase)
                        return "phase: enum value expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (typeof m.source !== "number" || (m.source | 0) !== m.source)
                        return "source: enum value expected";
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (!$util.isInteger(m.occurredAtMs) && !(m.occurredAtMs && $util.isInteger(m.occurredAtMs.low) && $util.isInteger(m.occurredAtMs.high)))
                        return "occurredAtMs: integer|Long expected";
                }
                if (m.episodeStartMs != null && $Object.hasOwnProperty.call(m, "episodeStartMs")) {
                    if (!$util.isInteger(m.episodeStartMs) && !(m.episodeStartMs && $util.isInteger(m.episodeStartMs.low) && $util.isInteger(m.episodeStartMs.high)))
                        return "episodeStartMs: integer|Long expected";
                }
                if (m.speeding != null && $Object.hasOwnProperty.call(m, "speeding")) {
                    p.detail = 1;
                    {
                        var e = $root.safewatch.v1.SpeedingDetail.verify(m.speeding, q + 1);
                        if (e)
                            return "speeding." + e;
                    }
                }
                if (m.fatigue != null && $Object.hasOwnProperty.call(m, "fatigue")) {
                    if (p.detail === 1)
                        return "detail: multiple values";
                    p.detail = 1;
                    {
                        var e = $root.safewatch.v1.FatigueDetail.verify(m.fatigue, q + 1);
                        if (e)
                            return "fatigue." + e;
                    }
                }
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate")) {
                    if (p.detail === 1)
                        return "detail: multiple values";
                    p.detail = 1;
                    {
                        var e = $root.safewatch.v1.CertificateDetail.verify(m.certificate, q + 1);
                        if (e)
                            return "certificate." + e;
                    }
                }
                return null;
            };

            /**
             * Creates an Alert message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.Alert
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.Alert} Alert
             */
            Alert.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.Alert)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.Alert: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.Alert();
                if (d.alertId != null) {
                    if (typeof d.alertId !== "string" || d.alertId.length) {
                        m.alertId = $String(d.alertId);
                    }
                }
                if (d.vehicle != null) {
                    if (!$util.isObject(d.vehicle))
                        throw $TypeError(".safewatch.v1.Alert.vehicle: object expected");
                    m.vehicle = $root.safewatch.v1.VehicleRef.fromObject(d.vehicle, q + 1);
                }
                if (d.type !== 0 && (typeof d.type !== "string" || $root.safewatch.v1.AlertType[d.type] !== 0)) {
                    switch (d.type) {
                    case "ALERT_TYPE_UNSPECIFIED":
                    case 0:
                        m.type = 0;
                        break;
                    case "ALERT_TYPE_SPEEDING":
                    case 1:
                        m.type = 1;
                        break;
                    case "ALERT_TYPE_FATIGUE_CONTINUOUS":
                    case 2:
                        m.type = 2;
                        break;
                    case "ALERT_TYPE_FATIGUE_DAILY":
                    case 3:
                        m.type = 3;
                        break;
                    case "ALERT_TYPE_QUALIFICATION_CERT_EXPIRING":
                    case 4:
                        m.type = 4;
                        break;
                    case "ALERT_TYPE_QUALIFICATION_CERT_EXPIRED":
                    case 5:
                        m.type = 5;
                        break;
                    case "ALERT_TYPE_TRANSPORT_CERT_EXPIRING":
                    case 6:
                        m.type = 6;
                        break;
                    case "ALERT_TYPE_TRANSPORT_CERT_EXPIRED":
                    case 7:
                        m.type = 7;
                        break;
                    case "ALERT_TYPE_FATIGUE_PRE_WARNING":
                    case 8:
                        m.type = 8;
                        break;
                    default:
                        if (typeof d.type === "number" && (d.type | 0) === d.type)
                            m.type = d.type;
                    }
                }
                if (d.phase !== 0 && (typeof d.phase !== "string" || $root.safewatch.v1.AlertPhase[d.phase] !== 0)) {
                    switch (d.phase) {
                    case "ALERT_PHASE_UNSPECIFIED":
                    case 0:
                        m.phase = 0;
                        break;
                    case "ALERT_PHASE_STARTED":
                    case 1:
                        m.phase = 1;
                        break;
                    case "ALERT_PHASE_ENDED":
                    case 2:
                        m.phase = 2;
                        break;
                    case "ALERT_PHASE_RAISED":
                    case 3:
                        m.phase = 3;
                        break;
                    default:
                        if (typeof d.phase === "number" && (d.phase | 0) === d.phase)
                            m.phase = d.phase;
                    }
                }
                if (d.source !== 0 && (typeof d.source !== "string" || $root.safewatch.v1.AlertSource[d.source] !== 0)) {
                    switch (d.source) {
                    case "ALERT_SOURCE_UNSPECIFIED":
                    case 0:
                        m.source = 0;
                        break;
                    case "ALERT_SOURCE_DETECTED":
                    case 1:
                        m.source = 1;
                        break;
                    case "ALERT_SOURCE_PLATFORM":
                    case 2:
                        m.source = 2;
                        break;
                    case "ALERT_SOURCE_DETECTED_AND_PLATFORM":
                    case 3:
                        m.source = 3;
                        break;
                    default:
                        if (typeof d.source === "number" && (d.source | 0) === d.source)
                            m.source = d.source;
                    }
                }
                if (d.occurredAtMs != null) {
                    if (typeof d.occurredAtMs === "object" ? d.occurredAtMs.low || d.occurredAtMs.high : $Number(d.occurredAtMs) !== 0) {
                        if ($util.Long)
                            m.occurredAtMs = $util.Long.fromValue(d.occurredAtMs, false);
                        else if (typeof d.occurredAtMs === "string")
                            m.occurredAtMs = $parseInt(d.occurredAtMs, 10);
                        else if (typeof d.occurredAtMs === "number")
                            m.occurredAtMs = d.occurredAtMs;
                        else if (typeof d.occurredAtMs === "object")
                            m.occurredAtMs = new $util.LongBits(d.occurredAtMs.low >>> 0, d.occurredAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.episodeStartMs != null) {
                    if (typeof d.episodeStartMs === "object" ? d.episodeStartMs.low || d.episodeStartMs.high : $Number(d.episodeStartMs) !== 0) {
                        if ($util.Long)
                            m.episodeStartMs = $util.Long.fromValue(d.episodeStartMs, false);
                        else if (typeof d.episodeStartMs === "string")
                            m.episodeStartMs = $parseInt(d.episodeStartMs, 10);
                        else if (typeof d.episodeStartMs === "number")
                            m.episodeStartMs = d.episodeStartMs;
                        else if (typeof d.episodeStartMs === "object")
                            m.episodeStartMs = new $util.LongBits(d.episodeStartMs.low >>> 0, d.episodeStartMs.high >>> 0).toNumber();
                    }
                }
                if (d.speeding != null) {
                    if (!$util.isObject(d.speeding))
                        throw $TypeError(".safewatch.v1.Alert.speeding: object expected");
                    m.speeding = $root.safewatch.v1.SpeedingDetail.fromObject(d.speeding, q + 1);
                }
                if (d.fatigue != null) {
                    if (!$util.isObject(d.fatigue))
                        throw $TypeError(".safewatch.v1.Alert.fatigue: object expected");
                    m.fatigue = $root.safewatch.v1.FatigueDetail.fromObject(d.fatigue, q + 1);
                }
                if (d.certificate != null) {
                    if (!$util.isObject(d.certificate))
                        throw $TypeError(".safewatch.v1.Alert.certificate: object expected");
                    m.certificate = $root.safewatch.v1.CertificateDetail.fromObject(d.certificate, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an Alert message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.Alert
             * @static
             * @param {safewatch.v1.Alert} m Alert
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Alert.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.alertId = "";
                    d.vehicle = null;
                    d.type = o.enums === $String ? "ALERT_TYPE_UNSPECIFIED" : 0;
                    d.phase = o.enums === $String ? "ALERT_PHASE_UNSPECIFIED" : 0;
                    d.source = o.enums === $String ? "ALERT_SOURCE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.occurredAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.occurredAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.episodeStartMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.episodeStartMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.alertId != null && $Object.hasOwnProperty.call(m, "alertId")) {
                    d.alertId = m.alertId;
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    d.vehicle = $root.safewatch.v1.VehicleRef.toObject(m.vehicle, o, q + 1);
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = o.enums === $String ? $root.safewatch.v1.AlertType[m.type] === $undefined ? m.type : $root.safewatch.v1.AlertType[m.type] : m.type;
                }
                if (m.phase != null && $Object.hasOwnProperty.call(m, "phase")) {
                    d.phase = o.enums === $String ? $root.safewatch.v1.AlertPhase[m.phase] === $undefined ? m.phase : $root.safewatch.v1.AlertPhase[m.phase] : m.phase;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = o.enums === $String ? $root.safewatch.v1.AlertSource[m.source] === $undefined ? m.source : $root.safewatch.v1.AlertSource[m.source] : m.source;
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.occurredAtMs = typeof m.occurredAtMs === "number" ? $BigInt(m.occurredAtMs) : $util.Long.fromBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.occurredAtMs === "number")
                        d.occurredAtMs = o.longs === $String ? $String(m.occurredAtMs) : m.occurredAtMs;
                    else
                        d.occurredAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.occurredAtMs) : o.longs === $Number ? new $util.LongBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0).toNumber() : m.occurredAtMs;
                }
                if (m.episodeStartMs != null && $Object.hasOwnProperty.call(m, "episodeStartMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.episodeStartMs = typeof m.episodeStartMs === "number" ? $BigInt(m.episodeStartMs) : $util.Long.fromBits(m.episodeStartMs.low >>> 0, m.episodeStartMs.high >>> 0, false).toBigInt();
                    else if (typeof m.episodeStartMs === "number")
                        d.episodeStartMs = o.longs === $String ? $String(m.episodeStartMs) : m.episodeStartMs;
                    else
                        d.episodeStartMs = o.longs === $String ? $util.Long.prototype.toString.call(m.episodeStartMs) : o.longs === $Number ? new $util.LongBits(m.episodeStartMs.low >>> 0, m.episodeStartMs.high >>> 0).toNumber() : m.episodeStartMs;
                }
                if (m.speeding != null && $Object.hasOwnProperty.call(m, "speeding")) {
                    d.speeding = $root.safewatch.v1.SpeedingDetail.toObject(m.speeding, o, q + 1);
                    if (o.oneofs)
                        d.detail = "speeding";
                }
                if (m.fatigue != null && $Object.hasOwnProperty.call(m, "fatigue")) {
                    d.fatigue = $root.safewatch.v1.FatigueDetail.toObject(m.fatigue, o, q + 1);
                    if (o.oneofs)
                        d.detail = "fatigue";
                }
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate")) {
                    d.certificate = $root.safewatch.v1.CertificateDetail.toObject(m.certificate, o, q + 1);
                    if (o.oneofs)
                        d.detail = "certificate";
                }
                return d;
            };

            /**
             * Converts this Alert to JSON.
             * @function toJSON
             * @memberof safewatch.v1.Alert
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Alert.prototype.toJSON = function() {
                return Alert.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Alert
             * @function getTypeUrl
             * @memberof safewatch.v1.Alert
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Alert.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.Alert";
            };

            return Alert;
        })();

        /**
         * PlateColor enum.
         * @name safewatch.v1.PlateColor
         * @enum {number}
         * @property {number} PLATE_COLOR_UNSPECIFIED=0 PLATE_COLOR_UNSPECIFIED value
         * @property {number} PLATE_COLOR_BLUE=1 PLATE_COLOR_BLUE value
         * @property {number} PLATE_COLOR_YELLOW=2 PLATE_COLOR_YELLOW value
         * @property {number} PLATE_COLOR_BLACK=3 PLATE_COLOR_BLACK value
         * @property {number} PLATE_COLOR_WHITE=4 PLATE_COLOR_WHITE value
         * @property {number} PLATE_COLOR_GREEN=5 PLATE_COLOR_GREEN value
         * @property {number} PLATE_COLOR_OTHER=9 PLATE_COLOR_OTHER value
         * @property {number} PLATE_COLOR_FARM_YELLOW=91 PLATE_COLOR_FARM_YELLOW value
         * @property {number} PLATE_COLOR_FARM_GREEN=92 PLATE_COLOR_FARM_GREEN value
         * @property {number} PLATE_COLOR_YELLOW_GREEN=93 PLATE_COLOR_YELLOW_GREEN value
         * @property {number} PLATE_COLOR_GRADIENT_GREEN=94 PLATE_COLOR_GRADIENT_GREEN value
         */
        v1.PlateColor = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PLATE_COLOR_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PLATE_COLOR_BLUE"] = 1;
            values[valuesById[2] = "PLATE_COLOR_YELLOW"] = 2;
            values[valuesById[3] = "PLATE_COLOR_BLACK"] = 3;
            values[valuesById[4] = "PLATE_COLOR_WHITE"] = 4;
            values[valuesById[5] = "PLATE_COLOR_GREEN"] = 5;
            values[valuesById[9] = "PLATE_COLOR_OTHER"] = 9;
            values[valuesById[91] = "PLATE_COLOR_FARM_YELLOW"] = 91;
            values[valuesById[92] = "PLATE_COLOR_FARM_GREEN"] = 92;
            values[valuesById[93] = "PLATE_COLOR_YELLOW_GREEN"] = 93;
            values[valuesById[94] = "PLATE_COLOR_GRADIENT_GREEN"] = 94;
            return values;
        })();

        v1.VehicleRef = (function() {

            /**
             * Properties of a VehicleRef.
             * @typedef {Object} safewatch.v1.VehicleRef.$Properties
             * @property {string|null} [plateNumber] VehicleRef plateNumber
             * @property {safewatch.v1.PlateColor|null} [plateColor] VehicleRef plateColor
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VehicleRef.
             * @memberof safewatch.v1
             * @interface IVehicleRef
             * @augments safewatch.v1.VehicleRef.$Properties
             * @deprecated Use safewatch.v1.VehicleRef.$Properties instead.
             */

            /**
             * Shape of a VehicleRef.
             * @typedef {safewatch.v1.VehicleRef.$Properties} safewatch.v1.VehicleRef.$Shape
             */

            /**
             * Constructs a new VehicleRef.
             * @memberof safewatch.v1
             * @classdesc Represents a VehicleRef.
             * @constructor
             * @param {safewatch.v1.VehicleRef.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VehicleRef = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VehicleRef plateNumber.
             * @member {string} plateNumber
             * @memberof safewatch.v1.VehicleRef
             * @instance
             */
            VehicleRef.prototype.plateNumber = "";

            /**
             * VehicleRef plateColor.
             * @member {safewatch.v1.PlateColor} plateColor
             * @memberof safewatch.v1.VehicleRef
             * @instance
             */
            VehicleRef.prototype.plateColor = 0;

            /**
             * Creates a new VehicleRef instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {safewatch.v1.VehicleRef.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.VehicleRef} VehicleRef instance
             * @type {{
             *   (properties: safewatch.v1.VehicleRef.$Shape): safewatch.v1.VehicleRef & safewatch.v1.VehicleRef.$Shape;
             *   (properties?: safewatch.v1.VehicleRef.$Properties): safewatch.v1.VehicleRef;
             * }}
             */
            VehicleRef.create = function(properties) {
                return new VehicleRef(properties);
            };

            /**
             * Encodes the specified VehicleRef message. Does not implicitly {@link safewatch.v1.VehicleRef.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {safewatch.v1.VehicleRef.$Properties} m VehicleRef message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VehicleRef.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber") && m.plateNumber !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.plateNumber);
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor") && m.plateColor !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.plateColor);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified VehicleRef message, length delimited. Does not implicitly {@link safewatch.v1.VehicleRef.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {safewatch.v1.VehicleRef.$Properties} message VehicleRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VehicleRef.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a VehicleRef message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.VehicleRef & safewatch.v1.VehicleRef.$Shape} VehicleRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VehicleRef.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.VehicleRef();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.plateNumber = v;
                            else
                                delete m.plateNumber;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.plateColor = v;
                            else
                                delete m.plateColor;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a VehicleRef message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.VehicleRef & safewatch.v1.VehicleRef.$Shape} VehicleRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VehicleRef.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a VehicleRef message.
             * @function verify
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            VehicleRef.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber")) {
                    if (!$util.isString(m.plateNumber))
                        return "plateNumber: string expected";
                }
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor")) {
                    if (typeof m.plateColor !== "number" || (m.plateColor | 0) !== m.plateColor)
                        return "plateColor: enum value expected";
                }
                return null;
            };

            /**
             * Creates a VehicleRef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.VehicleRef} VehicleRef
             */
            VehicleRef.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.VehicleRef)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.VehicleRef: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.VehicleRef();
                if (d.plateNumber != null) {
                    if (typeof d.plateNumber !== "string" || d.plateNumber.length) {
                        m.plateNumber = $String(d.plateNumber);
                    }
                }
                if (d.plateColor !== 0 && (typeof d.plateColor !== "string" || $root.safewatch.v1.PlateColor[d.plateColor] !== 0)) {
                    switch (d.plateColor) {
                    case "PLATE_COLOR_UNSPECIFIED":
                    case 0:
                        m.plateColor = 0;
                        break;
                    case "PLATE_COLOR_BLUE":
                    case 1:
                        m.plateColor = 1;
                        break;
                    case "PLATE_COLOR_YELLOW":
                    case 2:
                        m.plateColor = 2;
                        break;
                    case "PLATE_COLOR_BLACK":
                    case 3:
                        m.plateColor = 3;
                        break;
                    case "PLATE_COLOR_WHITE":
                    case 4:
                        m.plateColor = 4;
                        break;
                    case "PLATE_COLOR_GREEN":
                    case 5:
                        m.plateColor = 5;
                        break;
                    case "PLATE_COLOR_OTHER":
                    case 9:
                        m.plateColor = 9;
                        break;
                    case "PLATE_COLOR_FARM_YELLOW":
                    case 91:
                        m.plateColor = 91;
                        break;
                    case "PLATE_COLOR_FARM_GREEN":
                    case 92:
                        m.plateColor = 92;
                        break;
                    case "PLATE_COLOR_YELLOW_GREEN":
                    case 93:
                        m.plateColor = 93;
                        break;
                    case "PLATE_COLOR_GRADIENT_GREEN":
                    case 94:
                        m.plateColor = 94;
                        break;
                    default:
                        if (typeof d.plateColor === "number" && (d.plateColor | 0) === d.plateColor)
                            m.plateColor = d.plateColor;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a VehicleRef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {safewatch.v1.VehicleRef} m VehicleRef
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VehicleRef.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.plateNumber = "";
                    d.plateColor = o.enums === $String ? "PLATE_COLOR_UNSPECIFIED" : 0;
                }
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber")) {
                    d.plateNumber = m.plateNumber;
                }
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor")) {
                    d.plateColor = o.enums === $String ? $root.safewatch.v1.PlateColor[m.plateColor] === $undefined ? m.plateColor : $root.safewatch.v1.PlateColor[m.plateColor] : m.plateColor;
                }
                return d;
            };

            /**
             * Converts this VehicleRef to JSON.
             * @function toJSON
             * @memberof safewatch.v1.VehicleRef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VehicleRef.prototype.toJSON = function() {
                return VehicleRef.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for VehicleRef
             * @function getTypeUrl
             * @memberof safewatch.v1.VehicleRef
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VehicleRef.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.VehicleRef";
            };

            return VehicleRef;
        })();

        v1.GeoPoint = (function() {

            /**
             * Properties of a GeoPoint.
             * @typedef {Object} safewatch.v1.GeoPoint.$Properties
             * @property {number|null} [latE6] GeoPoint latE6
             * @property {number|null} [lonE6] GeoPoint lonE6
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GeoPoint.
             * @memberof safewatch.v1
             * @interface IGeoPoint
             * @augments safewatch.v1.GeoPoint.$Properties
             * @deprecated Use safewatch.v1.GeoPoint.$Properties instead.
             */

            /**
             * Shape of a GeoPoint.
             * @typedef {safewatch.v1.GeoPoint.$Properties} safewatch.v1.GeoPoint.$Shape
             */

            /**
             * Constructs a new GeoPoint.
             * @memberof safewatch.v1
             * @classdesc Represents a GeoPoint.
             * @constructor
             * @param {safewatch.v1.GeoPoint.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GeoPoint = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * GeoPoint latE6.
             * @member {number} latE6
             * @memberof safewatch.v1.GeoPoint
             * @instance
             */
            GeoPoint.prototype.latE6 = 0;

            /**
             * GeoPoint lonE6.
             * @member {number} lonE6
             * @memberof safewatch.v1.GeoPoint
             * @instance
             */
            GeoPoint.prototype.lonE6 = 0;

            /**
             * Creates a new GeoPoint instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {safewatch.v1.GeoPoint.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.GeoPoint} GeoPoint instance
             * @type {{
             *   (properties: safewatch.v1.GeoPoint.$Shape): safewatch.v1.GeoPoint & safewatch.v1.GeoPoint.$Shape;
             *   (properties?: safewatch.v1.GeoPoint.$Properties): safewatch.v1.GeoPoint;
             * }}
             */
            GeoPoint.create = function(properties) {
                return new GeoPoint(properties);
            };

            /**
             * Encodes the specified GeoPoint message. Does not implicitly {@link safewatch.v1.GeoPoint.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {safewatch.v1.GeoPoint.$Properties} m GeoPoint message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GeoPoint.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.latE6 != null && $Object.hasOwnProperty.call(m, "latE6") && m.latE6 !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).sint32(m.latE6);
                if (m.lonE6 != null && $Object.hasOwnProperty.call(m, "lonE6") && m.lonE6 !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).sint32(m.lonE6);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified GeoPoint message, length delimited. Does not implicitly {@link safewatch.v1.GeoPoint.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {safewatch.v1.GeoPoint.$Properties} message GeoPoint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GeoPoint.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a GeoPoint message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.GeoPoint & safewatch.v1.GeoPoint.$Shape} GeoPoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GeoPoint.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.GeoPoint();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.latE6 = v;
                            else
                                delete m.latE6;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.lonE6 = v;
                            else
                                delete m.lonE6;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a GeoPoint message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.GeoPoint & safewatch.v1.GeoPoint.$Shape} GeoPoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GeoPoint.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a GeoPoint message.
             * @function verify
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            GeoPoint.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.latE6 != null && $Object.hasOwnProperty.call(m, "latE6")) {
                    if (!$util.isInteger(m.latE6))
                        return "latE6: integer expected";
                }
                if (m.lonE6 != null && $Object.hasOwnProperty.call(m, "lonE6")) {
                    if (!$util.isInteger(m.lonE6))
                        return "lonE6: integer expected";
                }
                return null;
            };

            /**
             * Creates a GeoPoint message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.GeoPoint} GeoPoint
             */
            GeoPoint.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.GeoPoint)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.GeoPoint: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.GeoPoint();
                if (d.latE6 != null) {
                    if ($Number(d.latE6) !== 0) {
                        m.latE6 = d.latE6 | 0;
                    }
                }
                if (d.lonE6 != null) {
                    if ($Number(d.lonE6) !== 0) {
                        m.lonE6 = d.lonE6 | 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a GeoPoint message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {safewatch.v1.GeoPoint} m GeoPoint
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            GeoPoint.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.latE6 = 0;
                    d.lonE6 = 0;
                }
                if (m.latE6 != null && $Object.hasOwnProperty.call(m, "latE6")) {
                    d.latE6 = m.latE6;
                }
                if (m.lonE6 != null && $Object.hasOwnProperty.call(m, "lonE6")) {
                    d.lonE6 = m.lonE6;
                }
                return d;
            };

            /**
             * Converts this GeoPoint to JSON.
             * @function toJSON
             * @memberof safewatch.v1.GeoPoint
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            GeoPoint.prototype.toJSON = function() {
                return GeoPoint.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for GeoPoint
             * @function getTypeUrl
             * @memberof safewatch.v1.GeoPoint
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            GeoPoint.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.GeoPoint";
            };

            return GeoPoint;
        })();

        v1.AlertsVehicleState = (function() {

            /**
             * Properties of an AlertsVehicleState.
             * @typedef {Object} safewatch.v1.AlertsVehicleState.$Properties
             * @property {number|null} [layout] AlertsVehicleState layout
             * @property {number|null} [lastT] AlertsVehicleState lastT
             * @property {safewatch.v1.AlertsSpeedingState.$Properties|null} [speeding] AlertsVehicleState speeding
             * @property {safewatch.v1.AlertsFatigueState.$Properties|null} [fatigue] AlertsVehicleState fatigue
             * @property {safewatch.v1.AlertsClockState.$Properties|null} [clock] AlertsVehicleState clock
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertsVehicleState.
             * @memberof safewatch.v1
             * @interface IAlertsVehicleState
             * @augments safewatch.v1.AlertsVehicleState.$Properties
             * @deprecated Use safewatch.v1.AlertsVehicleState.$Properties instead.
             */

            /**
             * Shape of an AlertsVehicleState.
             * @typedef {safewatch.v1.AlertsVehicleState.$Properties} safewatch.v1.AlertsVehicleState.$Shape
             */

            /**
             * Constructs a new AlertsVehicleState.
             * @memberof safewatch.v1
             * @classdesc Represents an AlertsVehicleState.
             * @constructor
             * @param {safewatch.v1.AlertsVehicleState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertsVehicleState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertsVehicleState layout.
             * @member {number} layout
             * @memberof safewatch.v1.AlertsVehicleState
             * @instance
             */
            AlertsVehicleState.prototype.layout = 0;

            /**
             * AlertsVehicleState lastT.
             * @member {number|null|undefined} lastT
             * @memberof safewatch.v1.AlertsVehicleState
             * @instance
             */
            AlertsVehicleState.prototype.lastT = null;

            /**
             * AlertsVehicleState speeding.
             * @member {safewatch.v1.AlertsSpeedingState.$Properties|null|undefined} speeding
             * @memberof safewatch.v1.AlertsVehicleState
             * @instance
             */
            AlertsVehicleState.prototype.speeding = null;

            /**
             * AlertsVehicleState fatigue.
             * @member {safewatch.v1.AlertsFatigueState.$Properties|null|undefined} fatigue
             * @memberof safewatch.v1.AlertsVehicleState
             * @instance
             */
            AlertsVehicleState.prototype.fatigue = null;

            /**
             * AlertsVehicleState clock.
             * @member {safewatch.v1.AlertsClockState.$Properties|null|undefined} clock
             * @memberof safewatch.v1.AlertsVehicleState
             * @instance
             */
            AlertsVehicleState.prototype.clock = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(AlertsVehicleState.prototype, "_lastT", {
                get: $util.oneOfGetter($oneOfFields = ["lastT"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new AlertsVehicleState instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {safewatch.v1.AlertsVehicleState.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.AlertsVehicleState} AlertsVehicleState instance
             * @type {{
             *   (properties: safewatch.v1.AlertsVehicleState.$Shape): safewatch.v1.AlertsVehicleState & safewatch.v1.AlertsVehicleState.$Shape;
             *   (properties?: safewatch.v1.AlertsVehicleState.$Properties): safewatch.v1.AlertsVehicleState;
             * }}
             */
            AlertsVehicleState.create = function(properties) {
                return new AlertsVehicleState(properties);
            };

            /**
             * Encodes the specified AlertsVehicleState message. Does not implicitly {@link safewatch.v1.AlertsVehicleState.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {safewatch.v1.AlertsVehicleState.$Properties} m AlertsVehicleState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsVehicleState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.layout != null && $Object.hasOwnProperty.call(m, "layout") && m.layout !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.layout);
                if (m.lastT != null && $Object.hasOwnProperty.call(m, "lastT"))
                    w.uint32(/* id 2, wireType 1 =*/17).double(m.lastT);
                if (m.speeding != null && $Object.hasOwnProperty.call(m, "speeding"))
                    $root.safewatch.v1.AlertsSpeedingState.encode(m.speeding, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.fatigue != null && $Object.hasOwnProperty.call(m, "fatigue"))
                    $root.safewatch.v1.AlertsFatigueState.encode(m.fatigue, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.clock != null && $Object.hasOwnProperty.call(m, "clock"))
                    $root.safewatch.v1.AlertsClockState.encode(m.clock, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AlertsVehicleState message, length delimited. Does not implicitly {@link safewatch.v1.AlertsVehicleState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {safewatch.v1.AlertsVehicleState.$Properties} message AlertsVehicleState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsVehicleState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AlertsVehicleState message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsVehicleState & safewatch.v1.AlertsVehicleState.$Shape} AlertsVehicleState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsVehicleState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.AlertsVehicleState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.layout = v;
                            else
                                delete m.layout;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            m.lastT = r.double();
                            m._lastT = "lastT";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.speeding = $root.safewatch.v1.AlertsSpeedingState.decode(r, r.size(), $undefined, q + 1, m.speeding);
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.fatigue = $root.safewatch.v1.AlertsFatigueState.decode(r, r.size(), $undefined, q + 1, m.fatigue);
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.clock = $root.safewatch.v1.AlertsClockState.decode(r, r.size(), $undefined, q + 1, m.clock);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AlertsVehicleState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsVehicleState & safewatch.v1.AlertsVehicleState.$Shape} AlertsVehicleState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsVehicleState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AlertsVehicleState message.
             * @function verify
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AlertsVehicleState.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.layout != null && $Object.hasOwnProperty.call(m, "layout")) {
                    if (!$util.isInteger(m.layout))
                        return "layout: integer expected";
                }
                if (m.lastT != null && $Object.hasOwnProperty.call(m, "lastT")) {
                    p._lastT = 1;
                    if (typeof m.lastT !== "number")
                        return "lastT: number expected";
                }
                if (m.speeding != null && $Object.hasOwnProperty.call(m, "speeding")) {
                    {
                        var e = $root.safewatch.v1.AlertsSpeedingState.verify(m.speeding, q + 1);
                        if (e)
                            return "speeding." + e;
                    }
                }
                if (m.fatigue != null && $Object.hasOwnProperty.call(m, "fatigue")) {
                    {
                        var e = $root.safewatch.v1.AlertsFatigueState.verify(m.fatigue, q + 1);
                        if (e)
                            return "fatigue." + e;
                    }
                }
                if (m.clock != null && $Object.hasOwnProperty.call(m, "clock")) {
                    {
                        var e = $root.safewatch.v1.AlertsClockState.verify(m.clock, q + 1);
                        if (e)
                            return "clock." + e;
                    }
                }
                return null;
            };

            /**
             * Creates an AlertsVehicleState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.AlertsVehicleState} AlertsVehicleState
             */
            AlertsVehicleState.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.AlertsVehicleState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.AlertsVehicleState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.AlertsVehicleState();
                if (d.layout != null) {
                    if ($Number(d.layout) !== 0) {
                        m.layout = d.layout >>> 0;
                    }
                }
                if (d.lastT != null) {
                    m.lastT = $Number(d.lastT);
                }
                if (d.speeding != null) {
                    if (!$util.isObject(d.speeding))
                        throw $TypeError(".safewatch.v1.AlertsVehicleState.speeding: object expected");
                    m.speeding = $root.safewatch.v1.AlertsSpeedingState.fromObject(d.speeding, q + 1);
                }
                if (d.fatigue != null) {
                    if (!$util.isObject(d.fatigue))
                        throw $TypeError(".safewatch.v1.AlertsVehicleState.fatigue: object expected");
                    m.fatigue = $root.safewatch.v1.AlertsFatigueState.fromObject(d.fatigue, q + 1);
                }
                if (d.clock != null) {
                    if (!$util.isObject(d.clock))
                        throw $TypeError(".safewatch.v1.AlertsVehicleState.clock: object expected");
                    m.clock = $root.safewatch.v1.AlertsClockState.fromObject(d.clock, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an AlertsVehicleState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {safewatch.v1.AlertsVehicleState} m AlertsVehicleState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AlertsVehicleState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.layout = 0;
                    d.speeding = null;
                    d.fatigue = null;
                    d.clock = null;
                }
                if (m.layout != null && $Object.hasOwnProperty.call(m, "layout")) {
                    d.layout = m.layout;
                }
                if (m.lastT != null && $Object.hasOwnProperty.call(m, "lastT")) {
                    d.lastT = o.json && !$isFinite(m.lastT) ? $String(m.lastT) : m.lastT;
                }
                if (m.speeding != null && $Object.hasOwnProperty.call(m, "speeding")) {
                    d.speeding = $root.safewatch.v1.AlertsSpeedingState.toObject(m.speeding, o, q + 1);
                }
                if (m.fatigue != null && $Object.hasOwnProperty.call(m, "fatigue")) {
                    d.fatigue = $root.safewatch.v1.AlertsFatigueState.toObject(m.fatigue, o, q + 1);
                }
                if (m.clock != null && $Object.hasOwnProperty.call(m, "clock")) {
                    d.clock = $root.safewatch.v1.AlertsClockState.toObject(m.clock, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this AlertsVehicleState to JSON.
             * @function toJSON
             * @memberof safewatch.v1.AlertsVehicleState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AlertsVehicleState.prototype.toJSON = function() {
                return AlertsVehicleState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AlertsVehicleState
             * @function getTypeUrl
             * @memberof safewatch.v1.AlertsVehicleState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertsVehicleState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.AlertsVehicleState";
            };

            return AlertsVehicleState;
        })();

        v1.AlertsSpeedingState = (function() {

            /**
             * Properties of an AlertsSpeedingState.
             * @typedef {Object} safewatch.v1.AlertsSpeedingState.$Properties
             * @property {boolean|null} [open] AlertsSpeedingState open
             * @property {boolean|null} [confirmed] AlertsSpeedingState confirmed
             * @property {boolean|null} [detected] AlertsSpeedingState detected
             * @property {boolean|null} [platform] AlertsSpeedingState platform
             * @property {boolean|null} [lastFlagged] AlertsSpeedingState lastFlagged
             * @property {number|null} [overSinceMs] AlertsSpeedingState overSinceMs
             * @property {number|null} [underSinceMs] AlertsSpeedingState underSinceMs
             * @property {number|null} [startMs] AlertsSpeedingState startMs
             * @property {number|null} [startLat] AlertsSpeedingState startLat
             * @property {number|null} [startLon] AlertsSpeedingState startLon
             * @property {number|null} [peakKmh] AlertsSpeedingState peakKmh
             * @property {number|null} [limitKmh] AlertsSpeedingState limitKmh
             * @property {string|null} [zoneId] AlertsSpeedingState zoneId
             * @property {number|null} [stopMs] AlertsSpeedingState stopMs
             * @property {number|null} [stopLat] AlertsSpeedingState stopLat
             * @property {number|null} [stopLon] AlertsSpeedingState stopLon
             * @property {number|null} [lastMs] AlertsSpeedingState lastMs
             * @property {number|null} [lastLat] AlertsSpeedingState lastLat
             * @property {number|null} [lastLon] AlertsSpeedingState lastLon
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertsSpeedingState.
             * @memberof safewatch.v1
             * @interface IAlertsSpeedingState
             * @augments safewatch.v1.AlertsSpeedingState.$Properties
             * @deprecated Use safewatch.v1.AlertsSpeedingState.$Properties instead.
             */

            /**
             * Shape of an AlertsSpeedingState.
             * @typedef {safewatch.v1.AlertsSpeedingState.$Properties} safewatch.v1.AlertsSpeedingState.$Shape
             */

            /**
             * Constructs a new AlertsSpeedingState.
             * @memberof safewatch.v1
             * @classdesc Represents an AlertsSpeedingState.
             * @constructor
             * @param {safewatch.v1.AlertsSpeedingState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertsSpeedingState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertsSpeedingState open.
             * @member {boolean} open
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.open = false;

            /**
             * AlertsSpeedingState confirmed.
             * @member {boolean} confirmed
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.confirmed = false;

            /**
             * AlertsSpeedingState detected.
             * @member {boolean} detected
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.detected = false;

            /**
             * AlertsSpeedingState platform.
             * @member {boolean} platform
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.platform = false;

            /**
             * AlertsSpeedingState lastFlagged.
             * @member {boolean} lastFlagged
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.lastFlagged = false;

            /**
             * AlertsSpeedingState overSinceMs.
             * @member {number} overSinceMs
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.overSinceMs = 0;

            /**
             * AlertsSpeedingState underSinceMs.
             * @member {number} underSinceMs
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.underSinceMs = 0;

            /**
             * AlertsSpeedingState startMs.
             * @member {number} startMs
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.startMs = 0;

            /**
             * AlertsSpeedingState startLat.
             * @member {number} startLat
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.startLat = 0;

            /**
             * AlertsSpeedingState startLon.
             * @member {number} startLon
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.startLon = 0;

            /**
             * AlertsSpeedingState peakKmh.
             * @member {number} peakKmh
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.peakKmh = 0;

            /**
             * AlertsSpeedingState limitKmh.
             * @member {number} limitKmh
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.limitKmh = 0;

            /**
             * AlertsSpeedingState zoneId.
             * @member {string} zoneId
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.zoneId = "";

            /**
             * AlertsSpeedingState stopMs.
             * @member {number} stopMs
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.stopMs = 0;

            /**
             * AlertsSpeedingState stopLat.
             * @member {number} stopLat
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.stopLat = 0;

            /**
             * AlertsSpeedingState stopLon.
             * @member {number} stopLon
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.stopLon = 0;

            /**
             * AlertsSpeedingState lastMs.
             * @member {number} lastMs
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.lastMs = 0;

            /**
             * AlertsSpeedingState lastLat.
             * @member {number} lastLat
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.lastLat = 0;

            /**
             * AlertsSpeedingState lastLon.
             * @member {number} lastLon
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             */
            AlertsSpeedingState.prototype.lastLon = 0;

            /**
             * Creates a new AlertsSpeedingState instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {safewatch.v1.AlertsSpeedingState.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.AlertsSpeedingState} AlertsSpeedingState instance
             * @type {{
             *   (properties: safewatch.v1.AlertsSpeedingState.$Shape): safewatch.v1.AlertsSpeedingState & safewatch.v1.AlertsSpeedingState.$Shape;
             *   (properties?: safewatch.v1.AlertsSpeedingState.$Properties): safewatch.v1.AlertsSpeedingState;
             * }}
             */
            AlertsSpeedingState.create = function(properties) {
                return new AlertsSpeedingState(properties);
            };

            /**
             * Encodes the specified AlertsSpeedingState message. Does not implicitly {@link safewatch.v1.AlertsSpeedingState.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {safewatch.v1.AlertsSpeedingState.$Properties} m AlertsSpeedingState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsSpeedingState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.open != null && $Object.hasOwnProperty.call(m, "open") && m.open !== false)
                    w.uint32(/* id 1, wireType 0 =*/8).bool(m.open);
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed") && m.confirmed !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.confirmed);
                if (m.detected != null && $Object.hasOwnProperty.call(m, "detected") && m.detected !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.detected);
                if (m.platform != null && $Object.hasOwnProperty.call(m, "platform") && m.platform !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.platform);
                if (m.lastFlagged != null && $Object.hasOwnProperty.call(m, "lastFlagged") && m.lastFlagged !== false)
                    w.uint32(/* id 5, wireType 0 =*/40).bool(m.lastFlagged);
                if (m.overSinceMs != null && $Object.hasOwnProperty.call(m, "overSinceMs") && !$Object.is(m.overSinceMs, 0))
                    w.uint32(/* id 6, wireType 1 =*/49).double(m.overSinceMs);
                if (m.underSinceMs != null && $Object.hasOwnProperty.call(m, "underSinceMs") && !$Object.is(m.underSinceMs, 0))
                    w.uint32(/* id 7, wireType 1 =*/57).double(m.underSinceMs);
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs") && !$Object.is(m.startMs, 0))
                    w.uint32(/* id 8, wireType 1 =*/65).double(m.startMs);
                if (m.startLat != null && $Object.hasOwnProperty.call(m, "startLat") && !$Object.is(m.startLat, 0))
                    w.uint32(/* id 9, wireType 1 =*/73).double(m.startLat);
                if (m.startLon != null && $Object.hasOwnProperty.call(m, "startLon") && !$Object.is(m.startLon, 0))
                    w.uint32(/* id 10, wireType 1 =*/81).double(m.startLon);
                if (m.peakKmh != null && $Object.hasOwnProperty.call(m, "peakKmh") && !$Object.is(m.peakKmh, 0))
                    w.uint32(/* id 11, wireType 1 =*/89).double(m.peakKmh);
                if (m.limitKmh != null && $Object.hasOwnProperty.call(m, "limitKmh") && !$Object.is(m.limitKmh, 0))
                    w.uint32(/* id 12, wireType 1 =*/97).double(m.limitKmh);
                if (m.zoneId != null && $Object.hasOwnProperty.call(m, "zoneId") && m.zoneId !== "")
                    w.uint32(/* id 13, wireType 2 =*/106).string(m.zoneId);
                if (m.stopMs != null && $Object.hasOwnProperty.call(m, "stopMs") && !$Object.is(m.stopMs, 0))
                    w.uint32(/* id 14, wireType 1 =*/113).double(m.stopMs);
                if (m.stopLat != null && $Object.hasOwnProperty.call(m, "stopLat") && !$Object.is(m.stopLat, 0))
                    w.uint32(/* id 15, wireType 1 =*/121).double(m.stopLat);
                if (m.stopLon != null && $Object.hasOwnProperty.call(m, "stopLon") && !$Object.is(m.stopLon, 0))
                    w.uint32(/* id 16, wireType 1 =*/129).double(m.stopLon);
                if (m.lastMs != null && $Object.hasOwnProperty.call(m, "lastMs") && !$Object.is(m.lastMs, 0))
                    w.uint32(/* id 17, wireType 1 =*/137).double(m.lastMs);
                if (m.lastLat != null && $Object.hasOwnProperty.call(m, "lastLat") && !$Object.is(m.lastLat, 0))
                    w.uint32(/* id 18, wireType 1 =*/145).double(m.lastLat);
                if (m.lastLon != null && $Object.hasOwnProperty.call(m, "lastLon") && !$Object.is(m.lastLon, 0))
                    w.uint32(/* id 19, wireType 1 =*/153).double(m.lastLon);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AlertsSpeedingState message, length delimited. Does not implicitly {@link safewatch.v1.AlertsSpeedingState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {safewatch.v1.AlertsSpeedingState.$Properties} message AlertsSpeedingState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsSpeedingState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AlertsSpeedingState message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsSpeedingState & safewatch.v1.AlertsSpeedingState.$Shape} AlertsSpeedingState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsSpeedingState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.AlertsSpeedingState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.open = v;
                            else
                                delete m.open;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.confirmed = v;
                            else
                                delete m.confirmed;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.detected = v;
                            else
                                delete m.detected;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.platform = v;
                            else
                                delete m.platform;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.lastFlagged = v;
                            else
                                delete m.lastFlagged;
                            continue;
                        }
                    case 6: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.overSinceMs = v;
                            else
                                delete m.overSinceMs;
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.underSinceMs = v;
                            else
                                delete m.underSinceMs;
                            continue;
                        }
                    case 8: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.startMs = v;
                            else
                                delete m.startMs;
                            continue;
                        }
                    case 9: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.startLat = v;
                            else
                                delete m.startLat;
                            continue;
                        }
                    case 10: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.startLon = v;
                            else
                                delete m.startLon;
                            continue;
                        }
                    case 11: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.peakKmh = v;
                            else
                                delete m.peakKmh;
                            continue;
                        }
                    case 12: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.limitKmh = v;
                            else
                                delete m.limitKmh;
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.zoneId = v;
                            else
                                delete m.zoneId;
                            continue;
                        }
                    case 14: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.stopMs = v;
                            else
                                delete m.stopMs;
                            continue;
                        }
                    case 15: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.stopLat = v;
                            else
                                delete m.stopLat;
                            continue;
                        }
                    case 16: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.stopLon = v;
                            else
                                delete m.stopLon;
                            continue;
                        }
                    case 17: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lastMs = v;
                            else
                                delete m.lastMs;
                            continue;
                        }
                    case 18: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lastLat = v;
                            else
                                delete m.lastLat;
                            continue;
                        }
                    case 19: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lastLon = v;
                            else
                                delete m.lastLon;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AlertsSpeedingState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsSpeedingState & safewatch.v1.AlertsSpeedingState.$Shape} AlertsSpeedingState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsSpeedingState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AlertsSpeedingState message.
             * @function verify
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AlertsSpeedingState.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.open != null && $Object.hasOwnProperty.call(m, "open")) {
                    if (typeof m.open !== "boolean")
                        return "open: boolean expected";
                }
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed")) {
                    if (typeof m.confirmed !== "boolean")
                        return "confirmed: boolean expected";
                }
                if (m.detected != null && $Object.hasOwnProperty.call(m, "detected")) {
                    if (typeof m.detected !== "boolean")
                        return "detected: boolean expected";
                }
                if (m.platform != null && $Object.hasOwnProperty.call(m, "platform")) {
                    if (typeof m.platform !== "boolean")
                        return "platform: boolean expected";
                }
                if (m.lastFlagged != null && $Object.hasOwnProperty.call(m, "lastFlagged")) {
                    if (typeof m.lastFlagged !== "boolean")
                        return "lastFlagged: boolean expected";
                }
                if (m.overSinceMs != null && $Object.hasOwnProperty.call(m, "overSinceMs")) {
                    if (typeof m.overSinceMs !== "number")
                        return "overSinceMs: number expected";
                }
                if (m.underSinceMs != null && $Object.hasOwnProperty.call(m, "underSinceMs")) {
                    if (typeof m.underSinceMs !== "number")
                        return "underSinceMs: number expected";
                }
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs")) {
                    if (typeof m.startMs !== "number")
                        return "startMs: number expected";
                }
                if (m.startLat != null && $Object.hasOwnProperty.call(m, "startLat")) {
                    if (typeof m.startLat !== "number")
                        return "startLat: number expected";
                }
                if (m.startLon != null && $Object.hasOwnProperty.call(m, "startLon")) {
                    if (typeof m.startLon !== "number")
                        return "startLon: number expected";
                }
                if (m.peakKmh != null && $Object.hasOwnProperty.call(m, "peakKmh")) {
                    if (typeof m.peakKmh !== "number")
                        return "peakKmh: number expected";
                }
                if (m.limitKmh != null && $Object.hasOwnProperty.call(m, "limitKmh")) {
                    if (typeof m.limitKmh !== "number")
                        return "limitKmh: number expected";
                }
                if (m.zoneId != null && $Object.hasOwnProperty.call(m, "zoneId")) {
                    if (!$util.isString(m.zoneId))
                        return "zoneId: string expected";
                }
                if (m.stopMs != null && $Object.hasOwnProperty.call(m, "stopMs")) {
                    if (typeof m.stopMs !== "number")
                        return "stopMs: number expected";
                }
                if (m.stopLat != null && $Object.hasOwnProperty.call(m, "stopLat")) {
                    if (typeof m.stopLat !== "number")
                        return "stopLat: number expected";
                }
                if (m.stopLon != null && $Object.hasOwnProperty.call(m, "stopLon")) {
                    if (typeof m.stopLon !== "number")
                        return "stopLon: number expected";
                }
                if (m.lastMs != null && $Object.hasOwnProperty.call(m, "lastMs")) {
                    if (typeof m.lastMs !== "number")
                        return "lastMs: number expected";
                }
                if (m.lastLat != null && $Object.hasOwnProperty.call(m, "lastLat")) {
                    if (typeof m.lastLat !== "number")
                        return "lastLat: number expected";
                }
                if (m.lastLon != null && $Object.hasOwnProperty.call(m, "lastLon")) {
                    if (typeof m.lastLon !== "number")
                        return "lastLon: number expected";
                }
                return null;
            };

            /**
             * Creates an AlertsSpeedingState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.AlertsSpeedingState} AlertsSpeedingState
             */
            AlertsSpeedingState.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.AlertsSpeedingState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.AlertsSpeedingState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.AlertsSpeedingState();
                if (d.open != null) {
                    if (d.open) {
                        m.open = $Boolean(d.open);
                    }
                }
                if (d.confirmed != null) {
                    if (d.confirmed) {
                        m.confirmed = $Boolean(d.confirmed);
                    }
                }
                if (d.detected != null) {
                    if (d.detected) {
                        m.detected = $Boolean(d.detected);
                    }
                }
                if (d.platform != null) {
                    if (d.platform) {
                        m.platform = $Boolean(d.platform);
                    }
                }
                if (d.lastFlagged != null) {
                    if (d.lastFlagged) {
                        m.lastFlagged = $Boolean(d.lastFlagged);
                    }
                }
                if (d.overSinceMs != null) {
                    if (!$Object.is($Number(d.overSinceMs), 0)) {
                        m.overSinceMs = $Number(d.overSinceMs);
                    }
                }
                if (d.underSinceMs != null) {
                    if (!$Object.is($Number(d.underSinceMs), 0)) {
                        m.underSinceMs = $Number(d.underSinceMs);
                    }
                }
                if (d.startMs != null) {
                    if (!$Object.is($Number(d.startMs), 0)) {
                        m.startMs = $Number(d.startMs);
                    }
                }
                if (d.startLat != null) {
                    if (!$Object.is($Number(d.startLat), 0)) {
                        m.startLat = $Number(d.startLat);
                    }
                }
                if (d.startLon != null) {
                    if (!$Object.is($Number(d.startLon), 0)) {
                        m.startLon = $Number(d.startLon);
                    }
                }
                if (d.peakKmh != null) {
                    if (!$Object.is($Number(d.peakKmh), 0)) {
                        m.peakKmh = $Number(d.peakKmh);
                    }
                }
                if (d.limitKmh != null) {
                    if (!$Object.is($Number(d.limitKmh), 0)) {
                        m.limitKmh = $Number(d.limitKmh);
                    }
                }
                if (d.zoneId != null) {
                    if (typeof d.zoneId !== "string" || d.zoneId.length) {
                        m.zoneId = $String(d.zoneId);
                    }
                }
                if (d.stopMs != null) {
                    if (!$Object.is($Number(d.stopMs), 0)) {
                        m.stopMs = $Number(d.stopMs);
                    }
                }
                if (d.stopLat != null) {
                    if (!$Object.is($Number(d.stopLat), 0)) {
                        m.stopLat = $Number(d.stopLat);
                    }
                }
                if (d.stopLon != null) {
                    if (!$Object.is($Number(d.stopLon), 0)) {
                        m.stopLon = $Number(d.stopLon);
                    }
                }
                if (d.lastMs != null) {
                    if (!$Object.is($Number(d.lastMs), 0)) {
                        m.lastMs = $Number(d.lastMs);
                    }
                }
                if (d.lastLat != null) {
                    if (!$Object.is($Number(d.lastLat), 0)) {
                        m.lastLat = $Number(d.lastLat);
                    }
                }
                if (d.lastLon != null) {
                    if (!$Object.is($Number(d.lastLon), 0)) {
                        m.lastLon = $Number(d.lastLon);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an AlertsSpeedingState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {safewatch.v1.AlertsSpeedingState} m AlertsSpeedingState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AlertsSpeedingState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.open = false;
                    d.confirmed = false;
                    d.detected = false;
                    d.platform = false;
                    d.lastFlagged = false;
                    d.overSinceMs = 0;
                    d.underSinceMs = 0;
                    d.startMs = 0;
                    d.startLat = 0;
                    d.startLon = 0;
                    d.peakKmh = 0;
                    d.limitKmh = 0;
                    d.zoneId = "";
                    d.stopMs = 0;
                    d.stopLat = 0;
                    d.stopLon = 0;
                    d.lastMs = 0;
                    d.lastLat = 0;
                    d.lastLon = 0;
                }
                if (m.open != null && $Object.hasOwnProperty.call(m, "open")) {
                    d.open = m.open;
                }
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed")) {
                    d.confirmed = m.confirmed;
                }
                if (m.detected != null && $Object.hasOwnProperty.call(m, "detected")) {
                    d.detected = m.detected;
                }
                if (m.platform != null && $Object.hasOwnProperty.call(m, "platform")) {
                    d.platform = m.platform;
                }
                if (m.lastFlagged != null && $Object.hasOwnProperty.call(m, "lastFlagged")) {
                    d.lastFlagged = m.lastFlagged;
                }
                if (m.overSinceMs != null && $Object.hasOwnProperty.call(m, "overSinceMs")) {
                    d.overSinceMs = o.json && !$isFinite(m.overSinceMs) ? $String(m.overSinceMs) : m.overSinceMs;
                }
                if (m.underSinceMs != null && $Object.hasOwnProperty.call(m, "underSinceMs")) {
                    d.underSinceMs = o.json && !$isFinite(m.underSinceMs) ? $String(m.underSinceMs) : m.underSinceMs;
                }
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs")) {
                    d.startMs = o.json && !$isFinite(m.startMs) ? $String(m.startMs) : m.startMs;
                }
                if (m.startLat != null && $Object.hasOwnProperty.call(m, "startLat")) {
                    d.startLat = o.json && !$isFinite(m.startLat) ? $String(m.startLat) : m.startLat;
                }
                if (m.startLon != null && $Object.hasOwnProperty.call(m, "startLon")) {
                    d.startLon = o.json && !$isFinite(m.startLon) ? $String(m.startLon) : m.startLon;
                }
                if (m.peakKmh != null && $Object.hasOwnProperty.call(m, "peakKmh")) {
                    d.peakKmh = o.json && !$isFinite(m.peakKmh) ? $String(m.peakKmh) : m.peakKmh;
                }
                if (m.limitKmh != null && $Object.hasOwnProperty.call(m, "limitKmh")) {
                    d.limitKmh = o.json && !$isFinite(m.limitKmh) ? $String(m.limitKmh) : m.limitKmh;
                }
                if (m.zoneId != null && $Object.hasOwnProperty.call(m, "zoneId")) {
                    d.zoneId = m.zoneId;
                }
                if (m.stopMs != null && $Object.hasOwnProperty.call(m, "stopMs")) {
                    d.stopMs = o.json && !$isFinite(m.stopMs) ? $String(m.stopMs) : m.stopMs;
                }
                if (m.stopLat != null && $Object.hasOwnProperty.call(m, "stopLat")) {
                    d.stopLat = o.json && !$isFinite(m.stopLat) ? $String(m.stopLat) : m.stopLat;
                }
                if (m.stopLon != null && $Object.hasOwnProperty.call(m, "stopLon")) {
                    d.stopLon = o.json && !$isFinite(m.stopLon) ? $String(m.stopLon) : m.stopLon;
                }
                if (m.lastMs != null && $Object.hasOwnProperty.call(m, "lastMs")) {
                    d.lastMs = o.json && !$isFinite(m.lastMs) ? $String(m.lastMs) : m.lastMs;
                }
                if (m.lastLat != null && $Object.hasOwnProperty.call(m, "lastLat")) {
                    d.lastLat = o.json && !$isFinite(m.lastLat) ? $String(m.lastLat) : m.lastLat;
                }
                if (m.lastLon != null && $Object.hasOwnProperty.call(m, "lastLon")) {
                    d.lastLon = o.json && !$isFinite(m.lastLon) ? $String(m.lastLon) : m.lastLon;
                }
                return d;
            };

            /**
             * Converts this AlertsSpeedingState to JSON.
             * @function toJSON
             * @memberof safewatch.v1.AlertsSpeedingState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AlertsSpeedingState.prototype.toJSON = function() {
                return AlertsSpeedingState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AlertsSpeedingState
             * @function getTypeUrl
             * @memberof safewatch.v1.AlertsSpeedingState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertsSpeedingState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.AlertsSpeedingState";
            };

            return AlertsSpeedingState;
        })();

        v1.AlertsFatigueState = (function() {

            /**
             * Properties of an AlertsFatigueState.
             * @typedef {Object} safewatch.v1.AlertsFatigueState.$Properties
             * @property {number|null} [lastT] AlertsFatigueState lastT
             * @property {number|null} [lastLat] AlertsFatigueState lastLat
             * @property {number|null} [lastLon] AlertsFatigueState lastLon
             * @property {number|null} [lastSpeedKmh] AlertsFatigueState lastSpeedKmh
             * @property {number|null} [stretchStartMs] AlertsFatigueState stretchStartMs
             * @property {number|null} [continuousMs] AlertsFatigueState continuousMs
             * @property {number|null} [stopMs] AlertsFatigueState stopMs
             * @property {number|null} [slotK] AlertsFatigueState slotK
             * @property {Array.<number>|null} [slots] AlertsFatigueState slots
             * @property {number|null} [recentMs] AlertsFatigueState recentMs
             * @property {safewatch.v1.AlertsFatigueEpisode.$Properties|null} [continuous] AlertsFatigueState continuous
             * @property {safewatch.v1.AlertsFatigueEpisode.$Properties|null} [daily] AlertsFatigueState daily
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertsFatigueState.
             * @memberof safewatch.v1
             * @interface IAlertsFatigueState
             * @augments safewatch.v1.AlertsFatigueState.$Properties
             * @deprecated Use safewatch.v1.AlertsFatigueState.$Properties instead.
             */

            /**
             * Shape of an AlertsFatigueState.
             * @typedef {safewatch.v1.AlertsFatigueState.$Properties} safewatch.v1.AlertsFatigueState.$Shape
             */

            /**
             * Constructs a new AlertsFatigueState.
             * @memberof safewatch.v1
             * @classdesc Represents an AlertsFatigueState.
             * @constructor
             * @param {safewatch.v1.AlertsFatigueState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertsFatigueState = function (p) {
                this.slots = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertsFatigueState lastT.
             * @member {number} lastT
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.lastT = 0;

            /**
             * AlertsFatigueState lastLat.
             * @member {number} lastLat
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.lastLat = 0;

            /**
             * AlertsFatigueState lastLon.
             * @member {number} lastLon
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.lastLon = 0;

            /**
             * AlertsFatigueState lastSpeedKmh.
             * @member {number} lastSpeedKmh
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.lastSpeedKmh = 0;

            /**
             * AlertsFatigueState stretchStartMs.
             * @member {number} stretchStartMs
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.stretchStartMs = 0;

            /**
             * AlertsFatigueState continuousMs.
             * @member {number} continuousMs
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.continuousMs = 0;

            /**
             * AlertsFatigueState stopMs.
             * @member {number} stopMs
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.stopMs = 0;

            /**
             * AlertsFatigueState slotK.
             * @member {number} slotK
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.slotK = 0;

            /**
             * AlertsFatigueState slots.
             * @member {Array.<number>} slots
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.slots = $util.emptyArray;

            /**
             * AlertsFatigueState recentMs.
             * @member {number} recentMs
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.recentMs = 0;

            /**
             * AlertsFatigueState continuous.
             * @member {safewatch.v1.AlertsFatigueEpisode.$Properties|null|undefined} continuous
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.continuous = null;

            /**
             * AlertsFatigueState daily.
             * @member {safewatch.v1.AlertsFatigueEpisode.$Properties|null|undefined} daily
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             */
            AlertsFatigueState.prototype.daily = null;

            /**
             * Creates a new AlertsFatigueState instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {safewatch.v1.AlertsFatigueState.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.AlertsFatigueState} AlertsFatigueState instance
             * @type {{
             *   (properties: safewatch.v1.AlertsFatigueState.$Shape): safewatch.v1.AlertsFatigueState & safewatch.v1.AlertsFatigueState.$Shape;
             *   (properties?: safewatch.v1.AlertsFatigueState.$Properties): safewatch.v1.AlertsFatigueState;
             * }}
             */
            AlertsFatigueState.create = function(properties) {
                return new AlertsFatigueState(properties);
            };

            /**
             * Encodes the specified AlertsFatigueState message. Does not implicitly {@link safewatch.v1.AlertsFatigueState.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {safewatch.v1.AlertsFatigueState.$Properties} m AlertsFatigueState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsFatigueState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.lastT != null && $Object.hasOwnProperty.call(m, "lastT") && !$Object.is(m.lastT, 0))
                    w.uint32(/* id 1, wireType 1 =*/9).double(m.lastT);
                if (m.lastLat != null && $Object.hasOwnProperty.call(m, "lastLat") && !$Object.is(m.lastLat, 0))
                    w.uint32(/* id 2, wireType 1 =*/17).double(m.lastLat);
                if (m.lastLon != null && $Object.hasOwnProperty.call(m, "lastLon") && !$Object.is(m.lastLon, 0))
                    w.uint32(/* id 3, wireType 1 =*/25).double(m.lastLon);
                if (m.lastSpeedKmh != null && $Object.hasOwnProperty.call(m, "lastSpeedKmh") && !$Object.is(m.lastSpeedKmh, 0))
                    w.uint32(/* id 4, wireType 1 =*/33).double(m.lastSpeedKmh);
                if (m.stretchStartMs != null && $Object.hasOwnProperty.call(m, "stretchStartMs") && !$Object.is(m.stretchStartMs, 0))
                    w.uint32(/* id 5, wireType 1 =*/41).double(m.stretchStartMs);
                if (m.continuousMs != null && $Object.hasOwnProperty.call(m, "continuousMs") && !$Object.is(m.continuousMs, 0))
                    w.uint32(/* id 6, wireType 1 =*/49).double(m.continuousMs);
                if (m.stopMs != null && $Object.hasOwnProperty.call(m, "stopMs") && !$Object.is(m.stopMs, 0))
                    w.uint32(/* id 7, wireType 1 =*/57).double(m.stopMs);
                if (m.slotK != null && $Object.hasOwnProperty.call(m, "slotK") && m.slotK !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).sint32(m.slotK);
                if (m.slots != null && m.slots.length) {
                    w.uint32(/* id 9, wireType 2 =*/74).uint32s(m.slots);
                }
                if (m.recentMs != null && $Object.hasOwnProperty.call(m, "recentMs") && !$Object.is(m.recentMs, 0))
                    w.uint32(/* id 10, wireType 1 =*/81).double(m.recentMs);
                if (m.continuous != null && $Object.hasOwnProperty.call(m, "continuous"))
                    $root.safewatch.v1.AlertsFatigueEpisode.encode(m.continuous, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.daily != null && $Object.hasOwnProperty.call(m, "daily"))
                    $root.safewatch.v1.AlertsFatigueEpisode.encode(m.daily, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AlertsFatigueState message, length delimited. Does not implicitly {@link safewatch.v1.AlertsFatigueState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {safewatch.v1.AlertsFatigueState.$Properties} message AlertsFatigueState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsFatigueState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AlertsFatigueState message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsFatigueState & safewatch.v1.AlertsFatigueState.$Shape} AlertsFatigueState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsFatigueState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.AlertsFatigueState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lastT = v;
                            else
                                delete m.lastT;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lastLat = v;
                            else
                                delete m.lastLat;
                            continue;
                        }
                    case 3: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lastLon = v;
                            else
                                delete m.lastLon;
                            continue;
                        }
                    case 4: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lastSpeedKmh = v;
                            else
                                delete m.lastSpeedKmh;
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.stretchStartMs = v;
                            else
                                delete m.stretchStartMs;
                            continue;
                        }
                    case 6: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.continuousMs = v;
                            else
                                delete m.continuousMs;
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.stopMs = v;
                            else
                                delete m.stopMs;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.slotK = v;
                            else
                                delete m.slotK;
                            continue;
                        }
                    case 9: {
                            if (u === 2) {
                                if (!(m.slots && m.slots.length))
                                    m.slots = [];
                                r.uint32s(m.slots);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.slots && m.slots.length))
                                m.slots = [];
                            m.slots.push(r.uint32());
                            continue;
                        }
                    case 10: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.recentMs = v;
                            else
                                delete m.recentMs;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.continuous = $root.safewatch.v1.AlertsFatigueEpisode.decode(r, r.size(), $undefined, q + 1, m.continuous);
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.daily = $root.safewatch.v1.AlertsFatigueEpisode.decode(r, r.size(), $undefined, q + 1, m.daily);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AlertsFatigueState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsFatigueState & safewatch.v1.AlertsFatigueState.$Shape} AlertsFatigueState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsFatigueState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AlertsFatigueState message.
             * @function verify
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AlertsFatigueState.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.lastT != null && $Object.hasOwnProperty.call(m, "lastT")) {
                    if (typeof m.lastT !== "number")
                        return "lastT: number expected";
                }
                if (m.lastLat != null && $Object.hasOwnProperty.call(m, "lastLat")) {
                    if (typeof m.lastLat !== "number")
                        return "lastLat: number expected";
                }
                if (m.lastLon != null && $Object.hasOwnProperty.call(m, "lastLon")) {
                    if (typeof m.lastLon !== "number")
                        return "lastLon: number expected";
                }
                if (m.lastSpeedKmh != null && $Object.hasOwnProperty.call(m, "lastSpeedKmh")) {
                    if (typeof m.lastSpeedKmh !== "number")
                        return "lastSpeedKmh: number expected";
                }
                if (m.stretchStartMs != null && $Object.hasOwnProperty.call(m, "stretchStartMs")) {
                    if (typeof m.stretchStartMs !== "number")
                        return "stretchStartMs: number expected";
                }
                if (m.continuousMs != null && $Object.hasOwnProperty.call(m, "continuousMs")) {
                    if (typeof m.continuousMs !== "number")
                        return "continuousMs: number expected";
                }
                if (m.stopMs != null && $Object.hasOwnProperty.call(m, "stopMs")) {
                    if (typeof m.stopMs !== "number")
                        return "stopMs: number expected";
                }
                if (m.slotK != null && $Object.hasOwnProperty.call(m, "slotK")) {
                    if (!$util.isInteger(m.slotK))
                        return "slotK: integer expected";
                }
                if (m.slots != null && $Object.hasOwnProperty.call(m, "slots")) {
                    if (!$Array.isArray(m.slots))
                        return "slots: array expected";
                    for (var i = 0; i < m.slots.length; ++i) {
                        if (!$util.isInteger(m.slots[i]))
                            return "slots: integer[] expected";
                    }
                }
                if (m.recentMs != null && $Object.hasOwnProperty.call(m, "recentMs")) {
                    if (typeof m.recentMs !== "number")
                        return "recentMs: number expected";
                }
                if (m.continuous != null && $Object.hasOwnProperty.call(m, "continuous")) {
                    {
                        var e = $root.safewatch.v1.AlertsFatigueEpisode.verify(m.continuous, q + 1);
                        if (e)
                            return "continuous." + e;
                    }
                }
                if (m.daily != null && $Object.hasOwnProperty.call(m, "daily")) {
                    {
                        var e = $root.safewatch.v1.AlertsFatigueEpisode.verify(m.daily, q + 1);
                        if (e)
                            return "daily." + e;
                    }
                }
                return null;
            };

            /**
             * Creates an AlertsFatigueState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.AlertsFatigueState} AlertsFatigueState
             */
            AlertsFatigueState.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.AlertsFatigueState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.AlertsFatigueState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.AlertsFatigueState();
                if (d.lastT != null) {
                    if (!$Object.is($Number(d.lastT), 0)) {
                        m.lastT = $Number(d.lastT);
                    }
                }
                if (d.lastLat != null) {
                    if (!$Object.is($Number(d.lastLat), 0)) {
                        m.lastLat = $Number(d.lastLat);
                    }
                }
                if (d.lastLon != null) {
                    if (!$Object.is($Number(d.lastLon), 0)) {
                        m.lastLon = $Number(d.lastLon);
                    }
                }
                if (d.lastSpeedKmh != null) {
                    if (!$Object.is($Number(d.lastSpeedKmh), 0)) {
                        m.lastSpeedKmh = $Number(d.lastSpeedKmh);
                    }
                }
                if (d.stretchStartMs != null) {
                    if (!$Object.is($Number(d.stretchStartMs), 0)) {
                        m.stretchStartMs = $Number(d.stretchStartMs);
                    }
                }
                if (d.continuousMs != null) {
                    if (!$Object.is($Number(d.continuousMs), 0)) {
                        m.continuousMs = $Number(d.continuousMs);
                    }
                }
                if (d.stopMs != null) {
                    if (!$Object.is($Number(d.stopMs), 0)) {
                        m.stopMs = $Number(d.stopMs);
                    }
                }
                if (d.slotK != null) {
                    if ($Number(d.slotK) !== 0) {
                        m.slotK = d.slotK | 0;
                    }
                }
                if (d.slots) {
                    if (!$Array.isArray(d.slots))
                        throw $TypeError(".safewatch.v1.AlertsFatigueState.slots: array expected");
                    m.slots = $Array(d.slots.length);
                    for (var i = 0; i < d.slots.length; ++i) {
                        m.slots[i] = d.slots[i] >>> 0;
                    }
                }
                if (d.recentMs != null) {
                    if (!$Object.is($Number(d.recentMs), 0)) {
                        m.recentMs = $Number(d.recentMs);
                    }
                }
                if (d.continuous != null) {
                    if (!$util.isObject(d.continuous))
                        throw $TypeError(".safewatch.v1.AlertsFatigueState.continuous: object expected");
                    m.continuous = $root.safewatch.v1.AlertsFatigueEpisode.fromObject(d.continuous, q + 1);
                }
                if (d.daily != null) {
                    if (!$util.isObject(d.daily))
                        throw $TypeError(".safewatch.v1.AlertsFatigueState.daily: object expected");
                    m.daily = $root.safewatch.v1.AlertsFatigueEpisode.fromObject(d.daily, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an AlertsFatigueState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {safewatch.v1.AlertsFatigueState} m AlertsFatigueState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AlertsFatigueState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.slots = [];
                }
                if (o.defaults) {
                    d.lastT = 0;
                    d.lastLat = 0;
                    d.lastLon = 0;
                    d.lastSpeedKmh = 0;
                    d.stretchStartMs = 0;
                    d.continuousMs = 0;
                    d.stopMs = 0;
                    d.slotK = 0;
                    d.recentMs = 0;
                    d.continuous = null;
                    d.daily = null;
                }
                if (m.lastT != null && $Object.hasOwnProperty.call(m, "lastT")) {
                    d.lastT = o.json && !$isFinite(m.lastT) ? $String(m.lastT) : m.lastT;
                }
                if (m.lastLat != null && $Object.hasOwnProperty.call(m, "lastLat")) {
                    d.lastLat = o.json && !$isFinite(m.lastLat) ? $String(m.lastLat) : m.lastLat;
                }
                if (m.lastLon != null && $Object.hasOwnProperty.call(m, "lastLon")) {
                    d.lastLon = o.json && !$isFinite(m.lastLon) ? $String(m.lastLon) : m.lastLon;
                }
                if (m.lastSpeedKmh != null && $Object.hasOwnProperty.call(m, "lastSpeedKmh")) {
                    d.lastSpeedKmh = o.json && !$isFinite(m.lastSpeedKmh) ? $String(m.lastSpeedKmh) : m.lastSpeedKmh;
                }
                if (m.stretchStartMs != null && $Object.hasOwnProperty.call(m, "stretchStartMs")) {
                    d.stretchStartMs = o.json && !$isFinite(m.stretchStartMs) ? $String(m.stretchStartMs) : m.stretchStartMs;
                }
                if (m.continuousMs != null && $Object.hasOwnProperty.call(m, "continuousMs")) {
                    d.continuousMs = o.json && !$isFinite(m.continuousMs) ? $String(m.continuousMs) : m.continuousMs;
                }
                if (m.stopMs != null && $Object.hasOwnProperty.call(m, "stopMs")) {
                    d.stopMs = o.json && !$isFinite(m.stopMs) ? $String(m.stopMs) : m.stopMs;
                }
                if (m.slotK != null && $Object.hasOwnProperty.call(m, "slotK")) {
                    d.slotK = m.slotK;
                }
                if (m.slots && m.slots.length) {
                    d.slots = $Array(m.slots.length);
                    for (var j = 0; j < m.slots.length; ++j) {
                        d.slots[j] = m.slots[j];
                    }
                }
                if (m.recentMs != null && $Object.hasOwnProperty.call(m, "recentMs")) {
                    d.recentMs = o.json && !$isFinite(m.recentMs) ? $String(m.recentMs) : m.recentMs;
                }
                if (m.continuous != null && $Object.hasOwnProperty.call(m, "continuous")) {
                    d.continuous = $root.safewatch.v1.AlertsFatigueEpisode.toObject(m.continuous, o, q + 1);
                }
                if (m.daily != null && $Object.hasOwnProperty.call(m, "daily")) {
                    d.daily = $root.safewatch.v1.AlertsFatigueEpisode.toObject(m.daily, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this AlertsFatigueState to JSON.
             * @function toJSON
             * @memberof safewatch.v1.AlertsFatigueState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AlertsFatigueState.prototype.toJSON = function() {
                return AlertsFatigueState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AlertsFatigueState
             * @function getTypeUrl
             * @memberof safewatch.v1.AlertsFatigueState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertsFatigueState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.AlertsFatigueState";
            };

            return AlertsFatigueState;
        })();

        v1.AlertsFatigueEpisode = (function() {

            /**
             * Properties of an AlertsFatigueEpisode.
             * @typedef {Object} safewatch.v1.AlertsFatigueEpisode.$Properties
             * @property {boolean|null} [open] AlertsFatigueEpisode open
             * @property {boolean|null} [detected] AlertsFatigueEpisode detected
             * @property {boolean|null} [platform] AlertsFatigueEpisode platform
             * @property {boolean|null} [seenDetected] AlertsFatigueEpisode seenDetected
             * @property {boolean|null} [seenPlatform] AlertsFatigueEpisode seenPlatform
             * @property {number|null} [startMs] AlertsFatigueEpisode startMs
             * @property {number|null} [lastStartMs] AlertsFatigueEpisode lastStartMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertsFatigueEpisode.
             * @memberof safewatch.v1
             * @interface IAlertsFatigueEpisode
             * @augments safewatch.v1.AlertsFatigueEpisode.$Properties
             * @deprecated Use safewatch.v1.AlertsFatigueEpisode.$Properties instead.
             */

            /**
             * Shape of an AlertsFatigueEpisode.
             * @typedef {safewatch.v1.AlertsFatigueEpisode.$Properties} safewatch.v1.AlertsFatigueEpisode.$Shape
             */

            /**
             * Constructs a new AlertsFatigueEpisode.
             * @memberof safewatch.v1
             * @classdesc Represents an AlertsFatigueEpisode.
             * @constructor
             * @param {safewatch.v1.AlertsFatigueEpisode.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertsFatigueEpisode = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertsFatigueEpisode open.
             * @member {boolean} open
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @instance
             */
            AlertsFatigueEpisode.prototype.open = false;

            /**
             * AlertsFatigueEpisode detected.
             * @member {boolean} detected
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @instance
             */
            AlertsFatigueEpisode.prototype.detected = false;

            /**
             * AlertsFatigueEpisode platform.
             * @member {boolean} platform
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @instance
             */
            AlertsFatigueEpisode.prototype.platform = false;

            /**
             * AlertsFatigueEpisode seenDetected.
             * @member {boolean} seenDetected
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @instance
             */
            AlertsFatigueEpisode.prototype.seenDetected = false;

            /**
             * AlertsFatigueEpisode seenPlatform.
             * @member {boolean} seenPlatform
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @instance
             */
            AlertsFatigueEpisode.prototype.seenPlatform = false;

            /**
             * AlertsFatigueEpisode startMs.
             * @member {number} startMs
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @instance
             */
            AlertsFatigueEpisode.prototype.startMs = 0;

            /**
             * AlertsFatigueEpisode lastStartMs.
             * @member {number} lastStartMs
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @instance
             */
            AlertsFatigueEpisode.prototype.lastStartMs = 0;

            /**
             * Creates a new AlertsFatigueEpisode instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {safewatch.v1.AlertsFatigueEpisode.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.AlertsFatigueEpisode} AlertsFatigueEpisode instance
             * @type {{
             *   (properties: safewatch.v1.AlertsFatigueEpisode.$Shape): safewatch.v1.AlertsFatigueEpisode & safewatch.v1.AlertsFatigueEpisode.$Shape;
             *   (properties?: safewatch.v1.AlertsFatigueEpisode.$Properties): safewatch.v1.AlertsFatigueEpisode;
             * }}
             */
            AlertsFatigueEpisode.create = function(properties) {
                return new AlertsFatigueEpisode(properties);
            };

            /**
             * Encodes the specified AlertsFatigueEpisode message. Does not implicitly {@link safewatch.v1.AlertsFatigueEpisode.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {safewatch.v1.AlertsFatigueEpisode.$Properties} m AlertsFatigueEpisode message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsFatigueEpisode.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.open != null && $Object.hasOwnProperty.call(m, "open") && m.open !== false)
                    w.uint32(/* id 1, wireType 0 =*/8).bool(m.open);
                if (m.detected != null && $Object.hasOwnProperty.call(m, "detected") && m.detected !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.detected);
                if (m.platform != null && $Object.hasOwnProperty.call(m, "platform") && m.platform !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.platform);
                if (m.seenDetected != null && $Object.hasOwnProperty.call(m, "seenDetected") && m.seenDetected !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.seenDetected);
                if (m.seenPlatform != null && $Object.hasOwnProperty.call(m, "seenPlatform") && m.seenPlatform !== false)
                    w.uint32(/* id 5, wireType 0 =*/40).bool(m.seenPlatform);
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs") && !$Object.is(m.startMs, 0))
                    w.uint32(/* id 6, wireType 1 =*/49).double(m.startMs);
                if (m.lastStartMs != null && $Object.hasOwnProperty.call(m, "lastStartMs") && !$Object.is(m.lastStartMs, 0))
                    w.uint32(/* id 7, wireType 1 =*/57).double(m.lastStartMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AlertsFatigueEpisode message, length delimited. Does not implicitly {@link safewatch.v1.AlertsFatigueEpisode.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {safewatch.v1.AlertsFatigueEpisode.$Properties} message AlertsFatigueEpisode message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsFatigueEpisode.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AlertsFatigueEpisode message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsFatigueEpisode & safewatch.v1.AlertsFatigueEpisode.$Shape} AlertsFatigueEpisode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsFatigueEpisode.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.AlertsFatigueEpisode();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.open = v;
                            else
                                delete m.open;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.detected = v;
                            else
                                delete m.detected;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.platform = v;
                            else
                                delete m.platform;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.seenDetected = v;
                            else
                                delete m.seenDetected;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.seenPlatform = v;
                            else
                                delete m.seenPlatform;
                            continue;
                        }
                    case 6: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.startMs = v;
                            else
                                delete m.startMs;
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lastStartMs = v;
                            else
                                delete m.lastStartMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AlertsFatigueEpisode message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsFatigueEpisode & safewatch.v1.AlertsFatigueEpisode.$Shape} AlertsFatigueEpisode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsFatigueEpisode.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AlertsFatigueEpisode message.
             * @function verify
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AlertsFatigueEpisode.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.open != null && $Object.hasOwnProperty.call(m, "open")) {
                    if (typeof m.open !== "boolean")
                        return "open: boolean expected";
                }
                if (m.detected != null && $Object.hasOwnProperty.call(m, "detected")) {
                    if (typeof m.detected !== "boolean")
                        return "detected: boolean expected";
                }
                if (m.platform != null && $Object.hasOwnProperty.call(m, "platform")) {
                    if (typeof m.platform !== "boolean")
                        return "platform: boolean expected";
                }
                if (m.seenDetected != null && $Object.hasOwnProperty.call(m, "seenDetected")) {
                    if (typeof m.seenDetected !== "boolean")
                        return "seenDetected: boolean expected";
                }
                if (m.seenPlatform != null && $Object.hasOwnProperty.call(m, "seenPlatform")) {
                    if (typeof m.seenPlatform !== "boolean")
                        return "seenPlatform: boolean expected";
                }
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs")) {
                    if (typeof m.startMs !== "number")
                        return "startMs: number expected";
                }
                if (m.lastStartMs != null && $Object.hasOwnProperty.call(m, "lastStartMs")) {
                    if (typeof m.lastStartMs !== "number")
                        return "lastStartMs: number expected";
                }
                return null;
            };

            /**
             * Creates an AlertsFatigueEpisode message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.AlertsFatigueEpisode} AlertsFatigueEpisode
             */
            AlertsFatigueEpisode.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.AlertsFatigueEpisode)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.AlertsFatigueEpisode: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.AlertsFatigueEpisode();
                if (d.open != null) {
                    if (d.open) {
                        m.open = $Boolean(d.open);
                    }
                }
                if (d.detected != null) {
                    if (d.detected) {
                        m.detected = $Boolean(d.detected);
                    }
                }
                if (d.platform != null) {
                    if (d.platform) {
                        m.platform = $Boolean(d.platform);
                    }
                }
                if (d.seenDetected != null) {
                    if (d.seenDetected) {
                        m.seenDetected = $Boolean(d.seenDetected);
                    }
                }
                if (d.seenPlatform != null) {
                    if (d.seenPlatform) {
                        m.seenPlatform = $Boolean(d.seenPlatform);
                    }
                }
                if (d.startMs != null) {
                    if (!$Object.is($Number(d.startMs), 0)) {
                        m.startMs = $Number(d.startMs);
                    }
                }
                if (d.lastStartMs != null) {
                    if (!$Object.is($Number(d.lastStartMs), 0)) {
                        m.lastStartMs = $Number(d.lastStartMs);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an AlertsFatigueEpisode message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {safewatch.v1.AlertsFatigueEpisode} m AlertsFatigueEpisode
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AlertsFatigueEpisode.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.open = false;
                    d.detected = false;
                    d.platform = false;
                    d.seenDetected = false;
                    d.seenPlatform = false;
                    d.startMs = 0;
                    d.lastStartMs = 0;
                }
                if (m.open != null && $Object.hasOwnProperty.call(m, "open")) {
                    d.open = m.open;
                }
                if (m.detected != null && $Object.hasOwnProperty.call(m, "detected")) {
                    d.detected = m.detected;
                }
                if (m.platform != null && $Object.hasOwnProperty.call(m, "platform")) {
                    d.platform = m.platform;
                }
                if (m.seenDetected != null && $Object.hasOwnProperty.call(m, "seenDetected")) {
                    d.seenDetected = m.seenDetected;
                }
                if (m.seenPlatform != null && $Object.hasOwnProperty.call(m, "seenPlatform")) {
                    d.seenPlatform = m.seenPlatform;
                }
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs")) {
                    d.startMs = o.json && !$isFinite(m.startMs) ? $String(m.startMs) : m.startMs;
                }
                if (m.lastStartMs != null && $Object.hasOwnProperty.call(m, "lastStartMs")) {
                    d.lastStartMs = o.json && !$isFinite(m.lastStartMs) ? $String(m.lastStartMs) : m.lastStartMs;
                }
                return d;
            };

            /**
             * Converts this AlertsFatigueEpisode to JSON.
             * @function toJSON
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AlertsFatigueEpisode.prototype.toJSON = function() {
                return AlertsFatigueEpisode.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AlertsFatigueEpisode
             * @function getTypeUrl
             * @memberof safewatch.v1.AlertsFatigueEpisode
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertsFatigueEpisode.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.AlertsFatigueEpisode";
            };

            return AlertsFatigueEpisode;
        })();

        v1.AlertsClockState = (function() {

            /**
             * Properties of an AlertsClockState.
             * @typedef {Object} safewatch.v1.AlertsClockState.$Properties
             * @property {safewatch.v1.DrivingClockState|null} [phase] AlertsClockState phase
             * @property {boolean|null} [preWarned] AlertsClockState preWarned
             * @property {boolean|null} [limitReached] AlertsClockState limitReached
             * @property {number|null} [preWarningStartMs] AlertsClockState preWarningStartMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertsClockState.
             * @memberof safewatch.v1
             * @interface IAlertsClockState
             * @augments safewatch.v1.AlertsClockState.$Properties
             * @deprecated Use safewatch.v1.AlertsClockState.$Properties instead.
             */

            /**
             * Shape of an AlertsClockState.
             * @typedef {safewatch.v1.AlertsClockState.$Properties} safewatch.v1.AlertsClockState.$Shape
             */

            /**
             * Constructs a new AlertsClockState.
             * @memberof safewatch.v1
             * @classdesc Represents an AlertsClockState.
             * @constructor
             * @param {safewatch.v1.AlertsClockState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertsClockState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertsClockState phase.
             * @member {safewatch.v1.DrivingClockState} phase
             * @memberof safewatch.v1.AlertsClockState
             * @instance
             */
            AlertsClockState.prototype.phase = 0;

            /**
             * AlertsClockState preWarned.
             * @member {boolean} preWarned
             * @memberof safewatch.v1.AlertsClockState
             * @instance
             */
            AlertsClockState.prototype.preWarned = false;

            /**
             * AlertsClockState limitReached.
             * @member {boolean} limitReached
             * @memberof safewatch.v1.AlertsClockState
             * @instance
             */
            AlertsClockState.prototype.limitReached = false;

            /**
             * AlertsClockState preWarningStartMs.
             * @member {number} preWarningStartMs
             * @memberof safewatch.v1.AlertsClockState
             * @instance
             */
            AlertsClockState.prototype.preWarningStartMs = 0;

            /**
             * Creates a new AlertsClockState instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {safewatch.v1.AlertsClockState.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.AlertsClockState} AlertsClockState instance
             * @type {{
             *   (properties: safewatch.v1.AlertsClockState.$Shape): safewatch.v1.AlertsClockState & safewatch.v1.AlertsClockState.$Shape;
             *   (properties?: safewatch.v1.AlertsClockState.$Properties): safewatch.v1.AlertsClockState;
             * }}
             */
            AlertsClockState.create = function(properties) {
                return new AlertsClockState(properties);
            };

            /**
             * Encodes the specified AlertsClockState message. Does not implicitly {@link safewatch.v1.AlertsClockState.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {safewatch.v1.AlertsClockState.$Properties} m AlertsClockState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsClockState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.phase != null && $Object.hasOwnProperty.call(m, "phase") && m.phase !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.phase);
                if (m.preWarned != null && $Object.hasOwnProperty.call(m, "preWarned") && m.preWarned !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.preWarned);
                if (m.limitReached != null && $Object.hasOwnProperty.call(m, "limitReached") && m.limitReached !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.limitReached);
                if (m.preWarningStartMs != null && $Object.hasOwnProperty.call(m, "preWarningStartMs") && !$Object.is(m.preWarningStartMs, 0))
                    w.uint32(/* id 4, wireType 1 =*/33).double(m.preWarningStartMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AlertsClockState message, length delimited. Does not implicitly {@link safewatch.v1.AlertsClockState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {safewatch.v1.AlertsClockState.$Properties} message AlertsClockState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertsClockState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AlertsClockState message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.AlertsClockState & safewatch.v1.AlertsClockState.$Shape} AlertsClockState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsClockState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.AlertsClockState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.phase = v;
                            else
                                delete m.phase;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.preWarned = v;
                            else
                                delete m.preWarned;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.limitReached = v;
                            else
                                delete m.limitReached;
                            continue;
                        }
                    case 4: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.preWarningStartMs = v;
                            else
                                delete m.preWarningStartMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AlertsClockState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.AlertsClockState & safewatch.v1.AlertsClockState.$Shape} AlertsClockState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertsClockState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AlertsClockState message.
             * @function verify
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AlertsClockState.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.phase != null && $Object.hasOwnProperty.call(m, "phase")) {
                    if (typeof m.phase !== "number" || (m.phase | 0) !== m.phase)
                        return "phase: enum value expected";
                }
                if (m.preWarned != null && $Object.hasOwnProperty.call(m, "preWarned")) {
                    if (typeof m.preWarned !== "boolean")
                        return "preWarned: boolean expected";
                }
                if (m.limitReached != null && $Object.hasOwnProperty.call(m, "limitReached")) {
                    if (typeof m.limitReached !== "boolean")
                        return "limitReached: boolean expected";
                }
                if (m.preWarningStartMs != null && $Object.hasOwnProperty.call(m, "preWarningStartMs")) {
                    if (typeof m.preWarningStartMs !== "number")
                        return "preWarningStartMs: number expected";
                }
                return null;
            };

            /**
             * Creates an AlertsClockState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.AlertsClockState} AlertsClockState
             */
            AlertsClockState.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.AlertsClockState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.AlertsClockState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.AlertsClockState();
                if (d.phase !== 0 && (typeof d.phase !== "string" || $root.safewatch.v1.DrivingClockState[d.phase] !== 0)) {
                    switch (d.phase) {
                    case "DRIVING_CLOCK_STATE_UNSPECIFIED":
                    case 0:
                        m.phase = 0;
                        break;
                    case "DRIVING_CLOCK_STATE_DRIVING":
                    case 1:
                        m.phase = 1;
                        break;
                    case "DRIVING_CLOCK_STATE_RESTING":
                    case 2:
                        m.phase = 2;
                        break;
                    default:
                        if (typeof d.phase === "number" && (d.phase | 0) === d.phase)
                            m.phase = d.phase;
                    }
                }
                if (d.preWarned != null) {
                    if (d.preWarned) {
                        m.preWarned = $Boolean(d.preWarned);
                    }
                }
                if (d.limitReached != null) {
                    if (d.limitReached) {
                        m.limitReached = $Boolean(d.limitReached);
                    }
                }
                if (d.preWarningStartMs != null) {
                    if (!$Object.is($Number(d.preWarningStartMs), 0)) {
                        m.preWarningStartMs = $Number(d.preWarningStartMs);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an AlertsClockState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {safewatch.v1.AlertsClockState} m AlertsClockState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AlertsClockState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.phase = o.enums === $String ? "DRIVING_CLOCK_STATE_UNSPECIFIED" : 0;
                    d.preWarned = false;
                    d.limitReached = false;
                    d.preWarningStartMs = 0;
                }
                if (m.phase != null && $Object.hasOwnProperty.call(m, "phase")) {
                    d.phase = o.enums === $String ? $root.safewatch.v1.DrivingClockState[m.phase] === $undefined ? m.phase : $root.safewatch.v1.DrivingClockState[m.phase] : m.phase;
                }
                if (m.preWarned != null && $Object.hasOwnProperty.call(m, "preWarned")) {
                    d.preWarned = m.preWarned;
                }
                if (m.limitReached != null && $Object.hasOwnProperty.call(m, "limitReached")) {
                    d.limitReached = m.limitReached;
                }
                if (m.preWarningStartMs != null && $Object.hasOwnProperty.call(m, "preWarningStartMs")) {
                    d.preWarningStartMs = o.json && !$isFinite(m.preWarningStartMs) ? $String(m.preWarningStartMs) : m.preWarningStartMs;
                }
                return d;
            };

            /**
             * Converts this AlertsClockState to JSON.
             * @function toJSON
             * @memberof safewatch.v1.AlertsClockState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AlertsClockState.prototype.toJSON = function() {
                return AlertsClockState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AlertsClockState
             * @function getTypeUrl
             * @memberof safewatch.v1.AlertsClockState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertsClockState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.AlertsClockState";
            };

            return AlertsClockState;
        })();

        /**
         * DrivingClockEvent enum.
         * @name safewatch.v1.DrivingClockEvent
         * @enum {number}
         * @property {number} DRIVING_CLOCK_EVENT_UNSPECIFIED=0 DRIVING_CLOCK_EVENT_UNSPECIFIED value
         * @property {number} DRIVING_CLOCK_EVENT_DRIVING_STARTED=1 DRIVING_CLOCK_EVENT_DRIVING_STARTED value
         * @property {number} DRIVING_CLOCK_EVENT_REST_STARTED=2 DRIVING_CLOCK_EVENT_REST_STARTED value
         * @property {number} DRIVING_CLOCK_EVENT_REST_COMPLETED=3 DRIVING_CLOCK_EVENT_REST_COMPLETED value
         * @property {number} DRIVING_CLOCK_EVENT_PRE_WARNING=4 DRIVING_CLOCK_EVENT_PRE_WARNING value
         * @property {number} DRIVING_CLOCK_EVENT_LIMIT_REACHED=5 DRIVING_CLOCK_EVENT_LIMIT_REACHED value
         */
        v1.DrivingClockEvent = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DRIVING_CLOCK_EVENT_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DRIVING_CLOCK_EVENT_DRIVING_STARTED"] = 1;
            values[valuesById[2] = "DRIVING_CLOCK_EVENT_REST_STARTED"] = 2;
            values[valuesById[3] = "DRIVING_CLOCK_EVENT_REST_COMPLETED"] = 3;
            values[valuesById[4] = "DRIVING_CLOCK_EVENT_PRE_WARNING"] = 4;
            values[valuesById[5] = "DRIVING_CLOCK_EVENT_LIMIT_REACHED"] = 5;
            return values;
        })();

        /**
         * DrivingClockState enum.
         * @name safewatch.v1.DrivingClockState
         * @enum {number}
         * @property {number} DRIVING_CLOCK_STATE_UNSPECIFIED=0 DRIVING_CLOCK_STATE_UNSPECIFIED value
         * @property {number} DRIVING_CLOCK_STATE_DRIVING=1 DRIVING_CLOCK_STATE_DRIVING value
         * @property {number} DRIVING_CLOCK_STATE_RESTING=2 DRIVING_CLOCK_STATE_RESTING value
         */
        v1.DrivingClockState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DRIVING_CLOCK_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DRIVING_CLOCK_STATE_DRIVING"] = 1;
            values[valuesById[2] = "DRIVING_CLOCK_STATE_RESTING"] = 2;
            return values;
        })();

        v1.DrivingClock = (function() {

            /**
             * Properties of a DrivingClock.
             * @typedef {Object} safewatch.v1.DrivingClock.$Properties
             * @property {string|null} [eventId] DrivingClock eventId
             * @property {safewatch.v1.VehicleRef.$Properties|null} [vehicle] DrivingClock vehicle
             * @property {safewatch.v1.DrivingClockEvent|null} [event] DrivingClock event
             * @property {number|null} [occurredAtMs] DrivingClock occurredAtMs
             * @property {safewatch.v1.DrivingClockState|null} [state] DrivingClock state
             * @property {number|null} [continuousDrivingS] DrivingClock continuousDrivingS
             * @property {number|null} [dailyDrivingS] DrivingClock dailyDrivingS
             * @property {number|null} [todayDrivingS] DrivingClock todayDrivingS
             * @property {number|null} [drivingSinceMs] DrivingClock drivingSinceMs
             * @property {number|null} [restingSinceMs] DrivingClock restingSinceMs
             * @property {number|null} [restMinS] DrivingClock restMinS
             * @property {number|null} [preWarningS] DrivingClock preWarningS
             * @property {number|null} [continuousLimitS] DrivingClock continuousLimitS
             * @property {number|null} [dailyLimitS] DrivingClock dailyLimitS
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DrivingClock.
             * @memberof safewatch.v1
             * @interface IDrivingClock
             * @augments safewatch.v1.DrivingClock.$Properties
             * @deprecated Use safewatch.v1.DrivingClock.$Properties instead.
             */

            /**
             * Shape of a DrivingClock.
             * @typedef {safewatch.v1.DrivingClock.$Properties} safewatch.v1.DrivingClock.$Shape
             */

            /**
             * Constructs a new DrivingClock.
             * @memberof safewatch.v1
             * @classdesc Represents a DrivingClock.
             * @constructor
             * @param {safewatch.v1.DrivingClock.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DrivingClock = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DrivingClock eventId.
             * @member {string} eventId
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.eventId = "";

            /**
             * DrivingClock vehicle.
             * @member {safewatch.v1.VehicleRef.$Properties|null|undefined} vehicle
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.vehicle = null;

            /**
             * DrivingClock event.
             * @member {safewatch.v1.DrivingClockEvent} event
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.event = 0;

            /**
             * DrivingClock occurredAtMs.
             * @member {number} occurredAtMs
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.occurredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * DrivingClock state.
             * @member {safewatch.v1.DrivingClockState} state
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.state = 0;

            /**
             * DrivingClock continuousDrivingS.
             * @member {number} continuousDrivingS
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.continuousDrivingS = 0;

            /**
             * DrivingClock dailyDrivingS.
             * @member {number} dailyDrivingS
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.dailyDrivingS = 0;

            /**
             * DrivingClock todayDrivingS.
             * @member {number} todayDrivingS
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.todayDrivingS = 0;

            /**
             * DrivingClock drivingSinceMs.
             * @member {number} drivingSinceMs
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.drivingSinceMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * DrivingClock restingSinceMs.
             * @member {number} restingSinceMs
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.restingSinceMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * DrivingClock restMinS.
             * @member {number} restMinS
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.restMinS = 0;

            /**
             * DrivingClock preWarningS.
             * @member {number} preWarningS
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.preWarningS = 0;

            /**
             * DrivingClock continuousLimitS.
             * @member {number} continuousLimitS
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.continuousLimitS = 0;

            /**
             * DrivingClock dailyLimitS.
             * @member {number} dailyLimitS
             * @memberof safewatch.v1.DrivingClock
             * @instance
             */
            DrivingClock.prototype.dailyLimitS = 0;

            /**
             * Creates a new DrivingClock instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {safewatch.v1.DrivingClock.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.DrivingClock} DrivingClock instance
             * @type {{
             *   (properties: safewatch.v1.DrivingClock.$Shape): safewatch.v1.DrivingClock & safewatch.v1.DrivingClock.$Shape;
             *   (properties?: safewatch.v1.DrivingClock.$Properties): safewatch.v1.DrivingClock;
             * }}
             */
            DrivingClock.create = function(properties) {
                return new DrivingClock(properties);
            };

            /**
             * Encodes the specified DrivingClock message. Does not implicitly {@link safewatch.v1.DrivingClock.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {safewatch.v1.DrivingClock.$Properties} m DrivingClock message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DrivingClock.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId") && m.eventId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.eventId);
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle"))
                    $root.safewatch.v1.VehicleRef.encode(m.vehicle, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.event != null && $Object.hasOwnProperty.call(m, "event") && m.event !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.event);
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs") && (typeof m.occurredAtMs === "object" ? m.occurredAtMs.low || m.occurredAtMs.high : m.occurredAtMs !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).int64(m.occurredAtMs);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).int32(m.state);
                if (m.continuousDrivingS != null && $Object.hasOwnProperty.call(m, "continuousDrivingS") && m.continuousDrivingS !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.continuousDrivingS);
                if (m.dailyDrivingS != null && $Object.hasOwnProperty.call(m, "dailyDrivingS") && m.dailyDrivingS !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).uint32(m.dailyDrivingS);
                if (m.todayDrivingS != null && $Object.hasOwnProperty.call(m, "todayDrivingS") && m.todayDrivingS !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).uint32(m.todayDrivingS);
                if (m.drivingSinceMs != null && $Object.hasOwnProperty.call(m, "drivingSinceMs") && (typeof m.drivingSinceMs === "object" ? m.drivingSinceMs.low || m.drivingSinceMs.high : m.drivingSinceMs !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).int64(m.drivingSinceMs);
                if (m.restingSinceMs != null && $Object.hasOwnProperty.call(m, "restingSinceMs") && (typeof m.restingSinceMs === "object" ? m.restingSinceMs.low || m.restingSinceMs.high : m.restingSinceMs !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).int64(m.restingSinceMs);
                if (m.restMinS != null && $Object.hasOwnProperty.call(m, "restMinS") && m.restMinS !== 0)
                    w.uint32(/* id 11, wireType 0 =*/88).uint32(m.restMinS);
                if (m.preWarningS != null && $Object.hasOwnProperty.call(m, "preWarningS") && m.preWarningS !== 0)
                    w.uint32(/* id 12, wireType 0 =*/96).uint32(m.preWarningS);
                if (m.continuousLimitS != null && $Object.hasOwnProperty.call(m, "continuousLimitS") && m.continuousLimitS !== 0)
                    w.uint32(/* id 13, wireType 0 =*/104).uint32(m.continuousLimitS);
                if (m.dailyLimitS != null && $Object.hasOwnProperty.call(m, "dailyLimitS") && m.dailyLimitS !== 0)
                    w.uint32(/* id 14, wireType 0 =*/112).uint32(m.dailyLimitS);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified DrivingClock message, length delimited. Does not implicitly {@link safewatch.v1.DrivingClock.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {safewatch.v1.DrivingClock.$Properties} message DrivingClock message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DrivingClock.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DrivingClock message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.DrivingClock & safewatch.v1.DrivingClock.$Shape} DrivingClock
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DrivingClock.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.DrivingClock();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.eventId = v;
                            else
                                delete m.eventId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.vehicle = $root.safewatch.v1.VehicleRef.decode(r, r.size(), $undefined, q + 1, m.vehicle);
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.event = v;
                            else
                                delete m.event;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.occurredAtMs = v;
                            else
                                delete m.occurredAtMs;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.continuousDrivingS = v;
                            else
                                delete m.continuousDrivingS;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.dailyDrivingS = v;
                            else
                                delete m.dailyDrivingS;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.todayDrivingS = v;
                            else
                                delete m.todayDrivingS;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.drivingSinceMs = v;
                            else
                                delete m.drivingSinceMs;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.restingSinceMs = v;
                            else
                                delete m.restingSinceMs;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.restMinS = v;
                            else
                                delete m.restMinS;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.preWarningS = v;
                            else
                                delete m.preWarningS;
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.continuousLimitS = v;
                            else
                                delete m.continuousLimitS;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.dailyLimitS = v;
                            else
                                delete m.dailyLimitS;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a DrivingClock message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.DrivingClock & safewatch.v1.DrivingClock.$Shape} DrivingClock
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DrivingClock.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DrivingClock message.
             * @function verify
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DrivingClock.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId")) {
                    if (!$util.isString(m.eventId))
                        return "eventId: string expected";
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    {
                        var e = $root.safewatch.v1.VehicleRef.verify(m.vehicle, q + 1);
                        if (e)
                            return "vehicle." + e;
                    }
                }
                if (m.event != null && $Object.hasOwnProperty.call(m, "event")) {
                    if (typeof m.event !== "number" || (m.event | 0) !== m.event)
                        return "event: enum value expected";
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (!$util.isInteger(m.occurredAtMs) && !(m.occurredAtMs && $util.isInteger(m.occurredAtMs.low) && $util.isInteger(m.occurredAtMs.high)))
                        return "occurredAtMs: integer|Long expected";
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    if (typeof m.state !== "number" || (m.state | 0) !== m.state)
                        return "state: enum value expected";
                }
                if (m.continuousDrivingS != null && $Object.hasOwnProperty.call(m, "continuousDrivingS")) {
                    if (!$util.isInteger(m.continuousDrivingS))
                        return "continuousDrivingS: integer expected";
                }
                if (m.dailyDrivingS != null && $Object.hasOwnProperty.call(m, "dailyDrivingS")) {
                    if (!$util.isInteger(m.dailyDrivingS))
                        return "dailyDrivingS: integer expected";
                }
                if (m.todayDrivingS != null && $Object.hasOwnProperty.call(m, "todayDrivingS")) {
                    if (!$util.isInteger(m.todayDrivingS))
                        return "todayDrivingS: integer expected";
                }
                if (m.drivingSinceMs != null && $Object.hasOwnProperty.call(m, "drivingSinceMs")) {
                    if (!$util.isInteger(m.drivingSinceMs) && !(m.drivingSinceMs && $util.isInteger(m.drivingSinceMs.low) && $util.isInteger(m.drivingSinceMs.high)))
                        return "drivingSinceMs: integer|Long expected";
                }
                if (m.restingSinceMs != null && $Object.hasOwnProperty.call(m, "restingSinceMs")) {
                    if (!$util.isInteger(m.restingSinceMs) && !(m.restingSinceMs && $util.isInteger(m.restingSinceMs.low) && $util.isInteger(m.restingSinceMs.high)))
                        return "restingSinceMs: integer|Long expected";
                }
                if (m.restMinS != null && $Object.hasOwnProperty.call(m, "restMinS")) {
                    if (!$util.isInteger(m.restMinS))
                        return "restMinS: integer expected";
                }
                if (m.preWarningS != null && $Object.hasOwnProperty.call(m, "preWarningS")) {
                    if (!$util.isInteger(m.preWarningS))
                        return "preWarningS: integer expected";
                }
                if (m.continuousLimitS != null && $Object.hasOwnProperty.call(m, "continuousLimitS")) {
                    if (!$util.isInteger(m.continuousLimitS))
                        return "continuousLimitS: integer expected";
                }
                if (m.dailyLimitS != null && $Object.hasOwnProperty.call(m, "dailyLimitS")) {
                    if (!$util.isInteger(m.dailyLimitS))
                        return "dailyLimitS: integer expected";
                }
                return null;
            };

            /**
             * Creates a DrivingClock message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.DrivingClock} DrivingClock
             */
            DrivingClock.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.DrivingClock)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.DrivingClock: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.DrivingClock();
                if (d.eventId != null) {
                    if (typeof d.eventId !== "string" || d.eventId.length) {
                        m.eventId = $String(d.eventId);
                    }
                }
                if (d.vehicle != null) {
                    if (!$util.isObject(d.vehicle))
                        throw $TypeError(".safewatch.v1.DrivingClock.vehicle: object expected");
                    m.vehicle = $root.safewatch.v1.VehicleRef.fromObject(d.vehicle, q + 1);
                }
                if (d.event !== 0 && (typeof d.event !== "string" || $root.safewatch.v1.DrivingClockEvent[d.event] !== 0)) {
                    switch (d.event) {
                    case "DRIVING_CLOCK_EVENT_UNSPECIFIED":
                    case 0:
                        m.event = 0;
                        break;
                    case "DRIVING_CLOCK_EVENT_DRIVING_STARTED":
                    case 1:
                        m.event = 1;
                        break;
                    case "DRIVING_CLOCK_EVENT_REST_STARTED":
                    case 2:
                        m.event = 2;
                        break;
                    case "DRIVING_CLOCK_EVENT_REST_COMPLETED":
                    case 3:
                        m.event = 3;
                        break;
                    case "DRIVING_CLOCK_EVENT_PRE_WARNING":
                    case 4:
                        m.event = 4;
                        break;
                    case "DRIVING_CLOCK_EVENT_LIMIT_REACHED":
                    case 5:
                        m.event = 5;
                        break;
                    default:
                        if (typeof d.event === "number" && (d.event | 0) === d.event)
                            m.event = d.event;
                    }
                }
                if (d.occurredAtMs != null) {
                    if (typeof d.occurredAtMs === "object" ? d.occurredAtMs.low || d.occurredAtMs.high : $Number(d.occurredAtMs) !== 0) {
                        if ($util.Long)
                            m.occurredAtMs = $util.Long.fromValue(d.occurredAtMs, false);
                        else if (typeof d.occurredAtMs === "string")
                            m.occurredAtMs = $parseInt(d.occurredAtMs, 10);
                        else if (typeof d.occurredAtMs === "number")
                            m.occurredAtMs = d.occurredAtMs;
                        else if (typeof d.occurredAtMs === "object")
                            m.occurredAtMs = new $util.LongBits(d.occurredAtMs.low >>> 0, d.occurredAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.state !== 0 && (typeof d.state !== "string" || $root.safewatch.v1.DrivingClockState[d.state] !== 0)) {
                    switch (d.state) {
                    case "DRIVING_CLOCK_STATE_UNSPECIFIED":
                    case 0:
                        m.state = 0;
                        break;
                    case "DRIVING_CLOCK_STATE_DRIVING":
                    case 1:
                        m.state = 1;
                        break;
                    case "DRIVING_CLOCK_STATE_RESTING":
                    case 2:
                        m.state = 2;
                        break;
                    default:
                        if (typeof d.state === "number" && (d.state | 0) === d.state)
                            m.state = d.state;
                    }
                }
                if (d.continuousDrivingS != null) {
                    if ($Number(d.continuousDrivingS) !== 0) {
                        m.continuousDrivingS = d.continuousDrivingS >>> 0;
                    }
                }
                if (d.dailyDrivingS != null) {
                    if ($Number(d.dailyDrivingS) !== 0) {
                        m.dailyDrivingS = d.dailyDrivingS >>> 0;
                    }
                }
                if (d.todayDrivingS != null) {
                    if ($Number(d.todayDrivingS) !== 0) {
                        m.todayDrivingS = d.todayDrivingS >>> 0;
                    }
                }
                if (d.drivingSinceMs != null) {
                    if (typeof d.drivingSinceMs === "object" ? d.drivingSinceMs.low || d.drivingSinceMs.high : $Number(d.drivingSinceMs) !== 0) {
                        if ($util.Long)
                            m.drivingSinceMs = $util.Long.fromValue(d.drivingSinceMs, false);
                        else if (typeof d.drivingSinceMs === "string")
                            m.drivingSinceMs = $parseInt(d.drivingSinceMs, 10);
                        else if (typeof d.drivingSinceMs === "number")
                            m.drivingSinceMs = d.drivingSinceMs;
                        else if (typeof d.drivingSinceMs === "object")
                            m.drivingSinceMs = new $util.LongBits(d.drivingSinceMs.low >>> 0, d.drivingSinceMs.high >>> 0).toNumber();
                    }
                }
                if (d.restingSinceMs != null) {
                    if (typeof d.restingSinceMs === "object" ? d.restingSinceMs.low || d.restingSinceMs.high : $Number(d.restingSinceMs) !== 0) {
                        if ($util.Long)
                            m.restingSinceMs = $util.Long.fromValue(d.restingSinceMs, false);
                        else if (typeof d.restingSinceMs === "string")
                            m.restingSinceMs = $parseInt(d.restingSinceMs, 10);
                        else if (typeof d.restingSinceMs === "number")
                            m.restingSinceMs = d.restingSinceMs;
                        else if (typeof d.restingSinceMs === "object")
                            m.restingSinceMs = new $util.LongBits(d.restingSinceMs.low >>> 0, d.restingSinceMs.high >>> 0).toNumber();
                    }
                }
                if (d.restMinS != null) {
                    if ($Number(d.restMinS) !== 0) {
                        m.restMinS = d.restMinS >>> 0;
                    }
                }
                if (d.preWarningS != null) {
                    if ($Number(d.preWarningS) !== 0) {
                        m.preWarningS = d.preWarningS >>> 0;
                    }
                }
                if (d.continuousLimitS != null) {
                    if ($Number(d.continuousLimitS) !== 0) {
                        m.continuousLimitS = d.continuousLimitS >>> 0;
                    }
                }
                if (d.dailyLimitS != null) {
                    if ($Number(d.dailyLimitS) !== 0) {
                        m.dailyLimitS = d.dailyLimitS >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DrivingClock message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {safewatch.v1.DrivingClock} m DrivingClock
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DrivingClock.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.eventId = "";
                    d.vehicle = null;
                    d.event = o.enums === $String ? "DRIVING_CLOCK_EVENT_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.occurredAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.occurredAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.state = o.enums === $String ? "DRIVING_CLOCK_STATE_UNSPECIFIED" : 0;
                    d.continuousDrivingS = 0;
                    d.dailyDrivingS = 0;
                    d.todayDrivingS = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.drivingSinceMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.drivingSinceMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.restingSinceMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.restingSinceMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.restMinS = 0;
                    d.preWarningS = 0;
                    d.continuousLimitS = 0;
                    d.dailyLimitS = 0;
                }
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId")) {
                    d.eventId = m.eventId;
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    d.vehicle = $root.safewatch.v1.VehicleRef.toObject(m.vehicle, o, q + 1);
                }
                if (m.event != null && $Object.hasOwnProperty.call(m, "event")) {
                    d.event = o.enums === $String ? $root.safewatch.v1.DrivingClockEvent[m.event] === $undefined ? m.event : $root.safewatch.v1.DrivingClockEvent[m.event] : m.event;
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.occurredAtMs = typeof m.occurredAtMs === "number" ? $BigInt(m.occurredAtMs) : $util.Long.fromBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.occurredAtMs === "number")
                        d.occurredAtMs = o.longs === $String ? $String(m.occurredAtMs) : m.occurredAtMs;
                    else
                        d.occurredAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.occurredAtMs) : o.longs === $Number ? new $util.LongBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0).toNumber() : m.occurredAtMs;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = o.enums === $String ? $root.safewatch.v1.DrivingClockState[m.state] === $undefined ? m.state : $root.safewatch.v1.DrivingClockState[m.state] : m.state;
                }
                if (m.continuousDrivingS != null && $Object.hasOwnProperty.call(m, "continuousDrivingS")) {
                    d.continuousDrivingS = m.continuousDrivingS;
                }
                if (m.dailyDrivingS != null && $Object.hasOwnProperty.call(m, "dailyDrivingS")) {
                    d.dailyDrivingS = m.dailyDrivingS;
                }
                if (m.todayDrivingS != null && $Object.hasOwnProperty.call(m, "todayDrivingS")) {
                    d.todayDrivingS = m.todayDrivingS;
                }
                if (m.drivingSinceMs != null && $Object.hasOwnProperty.call(m, "drivingSinceMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.drivingSinceMs = typeof m.drivingSinceMs === "number" ? $BigInt(m.drivingSinceMs) : $util.Long.fromBits(m.drivingSinceMs.low >>> 0, m.drivingSinceMs.high >>> 0, false).toBigInt();
                    else if (typeof m.drivingSinceMs === "number")
                        d.drivingSinceMs = o.longs === $String ? $String(m.drivingSinceMs) : m.drivingSinceMs;
                    else
                        d.drivingSinceMs = o.longs === $String ? $util.Long.prototype.toString.call(m.drivingSinceMs) : o.longs === $Number ? new $util.LongBits(m.drivingSinceMs.low >>> 0, m.drivingSinceMs.high >>> 0).toNumber() : m.drivingSinceMs;
                }
                if (m.restingSinceMs != null && $Object.hasOwnProperty.call(m, "restingSinceMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.restingSinceMs = typeof m.restingSinceMs === "number" ? $BigInt(m.restingSinceMs) : $util.Long.fromBits(m.restingSinceMs.low >>> 0, m.restingSinceMs.high >>> 0, false).toBigInt();
                    else if (typeof m.restingSinceMs === "number")
                        d.restingSinceMs = o.longs === $String ? $String(m.restingSinceMs) : m.restingSinceMs;
                    else
                        d.restingSinceMs = o.longs === $String ? $util.Long.prototype.toString.call(m.restingSinceMs) : o.longs === $Number ? new $util.LongBits(m.restingSinceMs.low >>> 0, m.restingSinceMs.high >>> 0).toNumber() : m.restingSinceMs;
                }
                if (m.restMinS != null && $Object.hasOwnProperty.call(m, "restMinS")) {
                    d.restMinS = m.restMinS;
                }
                if (m.preWarningS != null && $Object.hasOwnProperty.call(m, "preWarningS")) {
                    d.preWarningS = m.preWarningS;
                }
                if (m.continuousLimitS != null && $Object.hasOwnProperty.call(m, "continuousLimitS")) {
                    d.continuousLimitS = m.continuousLimitS;
                }
                if (m.dailyLimitS != null && $Object.hasOwnProperty.call(m, "dailyLimitS")) {
                    d.dailyLimitS = m.dailyLimitS;
                }
                return d;
            };

            /**
             * Converts this DrivingClock to JSON.
             * @function toJSON
             * @memberof safewatch.v1.DrivingClock
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DrivingClock.prototype.toJSON = function() {
                return DrivingClock.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DrivingClock
             * @function getTypeUrl
             * @memberof safewatch.v1.DrivingClock
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DrivingClock.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.DrivingClock";
            };

            return DrivingClock;
        })();

        /**
         * BindingEventType enum.
         * @name safewatch.v1.BindingEventType
         * @enum {number}
         * @property {number} BINDING_EVENT_TYPE_UNSPECIFIED=0 BINDING_EVENT_TYPE_UNSPECIFIED value
         * @property {number} BINDING_EVENT_TYPE_BOUND=1 BINDING_EVENT_TYPE_BOUND value
         * @property {number} BINDING_EVENT_TYPE_UNBOUND=2 BINDING_EVENT_TYPE_UNBOUND value
         */
        v1.BindingEventType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "BINDING_EVENT_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "BINDING_EVENT_TYPE_BOUND"] = 1;
            values[valuesById[2] = "BINDING_EVENT_TYPE_UNBOUND"] = 2;
            return values;
        })();

        /**
         * BindingChannel enum.
         * @name safewatch.v1.BindingChannel
         * @enum {number}
         * @property {number} BINDING_CHANNEL_UNSPECIFIED=0 BINDING_CHANNEL_UNSPECIFIED value
         * @property {number} BINDING_CHANNEL_SELF=1 BINDING_CHANNEL_SELF value
         * @property {number} BINDING_CHANNEL_REBIND=2 BINDING_CHANNEL_REBIND value
         * @property {number} BINDING_CHANNEL_DELEGATED=3 BINDING_CHANNEL_DELEGATED value
         */
        v1.BindingChannel = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "BINDING_CHANNEL_UNSPECIFIED"] = 0;
            values[valuesById[1] = "BINDING_CHANNEL_SELF"] = 1;
            values[valuesById[2] = "BINDING_CHANNEL_REBIND"] = 2;
            values[valuesById[3] = "BINDING_CHANNEL_DELEGATED"] = 3;
            return values;
        })();

        /**
         * UnbindActor enum.
         * @name safewatch.v1.UnbindActor
         * @enum {number}
         * @property {number} UNBIND_ACTOR_UNSPECIFIED=0 UNBIND_ACTOR_UNSPECIFIED value
         * @property {number} UNBIND_ACTOR_DRIVER=1 UNBIND_ACTOR_DRIVER value
         * @property {number} UNBIND_ACTOR_CARRIER=2 UNBIND_ACTOR_CARRIER value
         */
        v1.UnbindActor = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "UNBIND_ACTOR_UNSPECIFIED"] = 0;
            values[valuesById[1] = "UNBIND_ACTOR_DRIVER"] = 1;
            values[valuesById[2] = "UNBIND_ACTOR_CARRIER"] = 2;
            return values;
        })();

        v1.BindingEvent = (function() {

            /**
             * Properties of a BindingEvent.
             * @typedef {Object} safewatch.v1.BindingEvent.$Properties
             * @property {string|null} [eventId] BindingEvent eventId
             * @property {safewatch.v1.BindingEventType|null} [type] BindingEvent type
             * @property {safewatch.v1.VehicleRef.$Properties|null} [vehicle] BindingEvent vehicle
             * @property {string|null} [vehicleId] BindingEvent vehicleId
             * @property {string|null} [driverId] BindingEvent driverId
             * @property {string|null} [carrierId] BindingEvent carrierId
             * @property {safewatch.v1.BindingChannel|null} [channel] BindingEvent channel
             * @property {safewatch.v1.UnbindActor|null} [unbindActor] BindingEvent unbindActor
             * @property {number|null} [occurredAtMs] BindingEvent occurredAtMs
             * @property {string|null} [delegateId] BindingEvent delegateId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BindingEvent.
             * @memberof safewatch.v1
             * @interface IBindingEvent
             * @augments safewatch.v1.BindingEvent.$Properties
             * @deprecated Use safewatch.v1.BindingEvent.$Properties instead.
             */

            /**
             * Shape of a BindingEvent.
             * @typedef {safewatch.v1.BindingEvent.$Properties} safewatch.v1.BindingEvent.$Shape
             */

            /**
             * Constructs a new BindingEvent.
             * @memberof safewatch.v1
             * @classdesc Represents a BindingEvent.
             * @constructor
             * @param {safewatch.v1.BindingEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BindingEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * BindingEvent eventId.
             * @member {string} eventId
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.eventId = "";

            /**
             * BindingEvent type.
             * @member {safewatch.v1.BindingEventType} type
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.type = 0;

            /**
             * BindingEvent vehicle.
             * @member {safewatch.v1.VehicleRef.$Properties|null|undefined} vehicle
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.vehicle = null;

            /**
             * BindingEvent vehicleId.
             * @member {string} vehicleId
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.vehicleId = "";

            /**
             * BindingEvent driverId.
             * @member {string} driverId
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.driverId = "";

            /**
             * BindingEvent carrierId.
             * @member {string} carrierId
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.carrierId = "";

            /**
             * BindingEvent channel.
             * @member {safewatch.v1.BindingChannel} channel
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.channel = 0;

            /**
             * BindingEvent unbindActor.
             * @member {safewatch.v1.UnbindActor} unbindActor
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.unbindActor = 0;

            /**
             * BindingEvent occurredAtMs.
             * @member {number} occurredAtMs
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.occurredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * BindingEvent delegateId.
             * @member {string} delegateId
             * @memberof safewatch.v1.BindingEvent
             * @instance
             */
            BindingEvent.prototype.delegateId = "";

            /**
             * Creates a new BindingEvent instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {safewatch.v1.BindingEvent.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.BindingEvent} BindingEvent instance
             * @type {{
             *   (properties: safewatch.v1.BindingEvent.$Shape): safewatch.v1.BindingEvent & safewatch.v1.BindingEvent.$Shape;
             *   (properties?: safewatch.v1.BindingEvent.$Properties): safewatch.v1.BindingEvent;
             * }}
             */
            BindingEvent.create = function(properties) {
                return new BindingEvent(properties);
            };

            /**
             * Encodes the specified BindingEvent message. Does not implicitly {@link safewatch.v1.BindingEvent.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {safewatch.v1.BindingEvent.$Properties} m BindingEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BindingEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId") && m.eventId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.eventId);
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.type);
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle"))
                    $root.safewatch.v1.VehicleRef.encode(m.vehicle, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.vehicleId != null && $Object.hasOwnProperty.call(m, "vehicleId") && m.vehicleId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.vehicleId);
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId") && m.driverId !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.driverId);
                if (m.carrierId != null && $Object.hasOwnProperty.call(m, "carrierId") && m.carrierId !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.carrierId);
                if (m.channel != null && $Object.hasOwnProperty.call(m, "channel") && m.channel !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).int32(m.channel);
                if (m.unbindActor != null && $Object.hasOwnProperty.call(m, "unbindActor") && m.unbindActor !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).int32(m.unbindActor);
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs") && (typeof m.occurredAtMs === "object" ? m.occurredAtMs.low || m.occurredAtMs.high : m.occurredAtMs !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).int64(m.occurredAtMs);
                if (m.delegateId != null && $Object.hasOwnProperty.call(m, "delegateId") && m.delegateId !== "")
                    w.uint32(/* id 10, wireType 2 =*/82).string(m.delegateId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified BindingEvent message, length delimited. Does not implicitly {@link safewatch.v1.BindingEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {safewatch.v1.BindingEvent.$Properties} message BindingEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BindingEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a BindingEvent message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.BindingEvent & safewatch.v1.BindingEvent.$Shape} BindingEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BindingEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.BindingEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.eventId = v;
                            else
                                delete m.eventId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.vehicle = $root.safewatch.v1.VehicleRef.decode(r, r.size(), $undefined, q + 1, m.vehicle);
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vehicleId = v;
                            else
                                delete m.vehicleId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.driverId = v;
                            else
                                delete m.driverId;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.carrierId = v;
                            else
                                delete m.carrierId;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.channel = v;
                            else
                                delete m.channel;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.unbindActor = v;
                            else
                                delete m.unbindActor;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.occurredAtMs = v;
                            else
                                delete m.occurredAtMs;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.delegateId = v;
                            else
                                delete m.delegateId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a BindingEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.BindingEvent & safewatch.v1.BindingEvent.$Shape} BindingEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BindingEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a BindingEvent message.
             * @function verify
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            BindingEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId")) {
                    if (!$util.isString(m.eventId))
                        return "eventId: string expected";
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    if (typeof m.type !== "number" || (m.type | 0) !== m.type)
                        return "type: enum value expected";
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    {
                        var e = $root.safewatch.v1.VehicleRef.verify(m.vehicle, q + 1);
                        if (e)
                            return "vehicle." + e;
                    }
                }
                if (m.vehicleId != null && $Object.hasOwnProperty.call(m, "vehicleId")) {
                    if (!$util.isString(m.vehicleId))
                        return "vehicleId: string expected";
                }
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId")) {
                    if (!$util.isString(m.driverId))
                        return "driverId: string expected";
                }
                if (m.carrierId != null && $Object.hasOwnProperty.call(m, "carrierId")) {
                    if (!$util.isString(m.carrierId))
                        return "carrierId: string expected";
                }
                if (m.channel != null && $Object.hasOwnProperty.call(m, "channel")) {
                    if (typeof m.channel !== "number" || (m.channel | 0) !== m.channel)
                        return "channel: enum value expected";
                }
                if (m.unbindActor != null && $Object.hasOwnProperty.call(m, "unbindActor")) {
                    if (typeof m.unbindActor !== "number" || (m.unbindActor | 0) !== m.unbindActor)
                        return "unbindActor: enum value expected";
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (!$util.isInteger(m.occurredAtMs) && !(m.occurredAtMs && $util.isInteger(m.occurredAtMs.low) && $util.isInteger(m.occurredAtMs.high)))
                        return "occurredAtMs: integer|Long expected";
                }
                if (m.delegateId != null && $Object.hasOwnProperty.call(m, "delegateId")) {
                    if (!$util.isString(m.delegateId))
                        return "delegateId: string expected";
                }
                return null;
            };

            /**
             * Creates a BindingEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.BindingEvent} BindingEvent
             */
            BindingEvent.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.BindingEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.BindingEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.BindingEvent();
                if (d.eventId != null) {
                    if (typeof d.eventId !== "string" || d.eventId.length) {
                        m.eventId = $String(d.eventId);
                    }
                }
                if (d.type !== 0 && (typeof d.type !== "string" || $root.safewatch.v1.BindingEventType[d.type] !== 0)) {
                    switch (d.type) {
                    case "BINDING_EVENT_TYPE_UNSPECIFIED":
                    case 0:
                        m.type = 0;
                        break;
                    case "BINDING_EVENT_TYPE_BOUND":
                    case 1:
                        m.type = 1;
                        break;
                    case "BINDING_EVENT_TYPE_UNBOUND":
                    case 2:
                        m.type = 2;
                        break;
                    default:
                        if (typeof d.type === "number" && (d.type | 0) === d.type)
                            m.type = d.type;
                    }
                }
                if (d.vehicle != null) {
                    if (!$util.isObject(d.vehicle))
                        throw $TypeError(".safewatch.v1.BindingEvent.vehicle: object expected");
                    m.vehicle = $root.safewatch.v1.VehicleRef.fromObject(d.vehicle, q + 1);
                }
                if (d.vehicleId != null) {
                    if (typeof d.vehicleId !== "string" || d.vehicleId.length) {
                        m.vehicleId = $String(d.vehicleId);
                    }
                }
                if (d.driverId != null) {
                    if (typeof d.driverId !== "string" || d.driverId.length) {
                        m.driverId = $String(d.driverId);
                    }
                }
                if (d.carrierId != null) {
                    if (typeof d.carrierId !== "string" || d.carrierId.length) {
                        m.carrierId = $String(d.carrierId);
                    }
                }
                if (d.channel !== 0 && (typeof d.channel !== "string" || $root.safewatch.v1.BindingChannel[d.channel] !== 0)) {
                    switch (d.channel) {
                    case "BINDING_CHANNEL_UNSPECIFIED":
                    case 0:
                        m.channel = 0;
                        break;
                    case "BINDING_CHANNEL_SELF":
                    case 1:
                        m.channel = 1;
                        break;
                    case "BINDING_CHANNEL_REBIND":
                    case 2:
                        m.channel = 2;
                        break;
                    case "BINDING_CHANNEL_DELEGATED":
                    case 3:
                        m.channel = 3;
                        break;
                    default:
                        if (typeof d.channel === "number" && (d.channel | 0) === d.channel)
                            m.channel = d.channel;
                    }
                }
                if (d.unbindActor !== 0 && (typeof d.unbindActor !== "string" || $root.safewatch.v1.UnbindActor[d.unbindActor] !== 0)) {
                    switch (d.unbindActor) {
                    case "UNBIND_ACTOR_UNSPECIFIED":
                    case 0:
                        m.unbindActor = 0;
                        break;
                    case "UNBIND_ACTOR_DRIVER":
                    case 1:
                        m.unbindActor = 1;
                        break;
                    case "UNBIND_ACTOR_CARRIER":
                    case 2:
                        m.unbindActor = 2;
                        break;
                    default:
                        if (typeof d.unbindActor === "number" && (d.unbindActor | 0) === d.unbindActor)
                            m.unbindActor = d.unbindActor;
                    }
                }
                if (d.occurredAtMs != null) {
                    if (typeof d.occurredAtMs === "object" ? d.occurredAtMs.low || d.occurredAtMs.high : $Number(d.occurredAtMs) !== 0) {
                        if ($util.Long)
                            m.occurredAtMs = $util.Long.fromValue(d.occurredAtMs, false);
                        else if (typeof d.occurredAtMs === "string")
                            m.occurredAtMs = $parseInt(d.occurredAtMs, 10);
                        else if (typeof d.occurredAtMs === "number")
                            m.occurredAtMs = d.occurredAtMs;
                        else if (typeof d.occurredAtMs === "object")
                            m.occurredAtMs = new $util.LongBits(d.occurredAtMs.low >>> 0, d.occurredAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.delegateId != null) {
                    if (typeof d.delegateId !== "string" || d.delegateId.length) {
                        m.delegateId = $String(d.delegateId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a BindingEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {safewatch.v1.BindingEvent} m BindingEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BindingEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.eventId = "";
                    d.type = o.enums === $String ? "BINDING_EVENT_TYPE_UNSPECIFIED" : 0;
                    d.vehicle = null;
                    d.vehicleId = "";
                    d.driverId = "";
                    d.carrierId = "";
                    d.channel = o.enums === $String ? "BINDING_CHANNEL_UNSPECIFIED" : 0;
                    d.unbindActor = o.enums === $String ? "UNBIND_ACTOR_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.occurredAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.occurredAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.delegateId = "";
                }
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId")) {
                    d.eventId = m.eventId;
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = o.enums === $String ? $root.safewatch.v1.BindingEventType[m.type] === $undefined ? m.type : $root.safewatch.v1.BindingEventType[m.type] : m.type;
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    d.vehicle = $root.safewatch.v1.VehicleRef.toObject(m.vehicle, o, q + 1);
                }
                if (m.vehicleId != null && $Object.hasOwnProperty.call(m, "vehicleId")) {
                    d.vehicleId = m.vehicleId;
                }
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId")) {
                    d.driverId = m.driverId;
                }
                if (m.carrierId != null && $Object.hasOwnProperty.call(m, "carrierId")) {
                    d.carrierId = m.carrierId;
                }
                if (m.channel != null && $Object.hasOwnProperty.call(m, "channel")) {
                    d.channel = o.enums === $String ? $root.safewatch.v1.BindingChannel[m.channel] === $undefined ? m.channel : $root.safewatch.v1.BindingChannel[m.channel] : m.channel;
                }
                if (m.unbindActor != null && $Object.hasOwnProperty.call(m, "unbindActor")) {
                    d.unbindActor = o.enums === $String ? $root.safewatch.v1.UnbindActor[m.unbindActor] === $undefined ? m.unbindActor : $root.safewatch.v1.UnbindActor[m.unbindActor] : m.unbindActor;
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.occurredAtMs = typeof m.occurredAtMs === "number" ? $BigInt(m.occurredAtMs) : $util.Long.fromBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.occurredAtMs === "number")
                        d.occurredAtMs = o.longs === $String ? $String(m.occurredAtMs) : m.occurredAtMs;
                    else
                        d.occurredAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.occurredAtMs) : o.longs === $Number ? new $util.LongBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0).toNumber() : m.occurredAtMs;
                }
                if (m.delegateId != null && $Object.hasOwnProperty.call(m, "delegateId")) {
                    d.delegateId = m.delegateId;
                }
                return d;
            };

            /**
             * Converts this BindingEvent to JSON.
             * @function toJSON
             * @memberof safewatch.v1.BindingEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BindingEvent.prototype.toJSON = function() {
                return BindingEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for BindingEvent
             * @function getTypeUrl
             * @memberof safewatch.v1.BindingEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BindingEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.BindingEvent";
            };

            return BindingEvent;
        })();

        v1.CertificateChanged = (function() {

            /**
             * Properties of a CertificateChanged.
             * @typedef {Object} safewatch.v1.CertificateChanged.$Properties
             * @property {string|null} [eventId] CertificateChanged eventId
             * @property {safewatch.v1.VehicleRef.$Properties|null} [vehicle] CertificateChanged vehicle
             * @property {string|null} [driverId] CertificateChanged driverId
             * @property {string|null} [transportCertExpiresOn] CertificateChanged transportCertExpiresOn
             * @property {string|null} [qualificationCertExpiresOn] CertificateChanged qualificationCertExpiresOn
             * @property {number|null} [occurredAtMs] CertificateChanged occurredAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CertificateChanged.
             * @memberof safewatch.v1
             * @interface ICertificateChanged
             * @augments safewatch.v1.CertificateChanged.$Properties
             * @deprecated Use safewatch.v1.CertificateChanged.$Properties instead.
             */

            /**
             * Shape of a CertificateChanged.
             * @typedef {safewatch.v1.CertificateChanged.$Properties} safewatch.v1.CertificateChanged.$Shape
             */

            /**
             * Constructs a new CertificateChanged.
             * @memberof safewatch.v1
             * @classdesc Represents a CertificateChanged.
             * @constructor
             * @param {safewatch.v1.CertificateChanged.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CertificateChanged = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CertificateChanged eventId.
             * @member {string} eventId
             * @memberof safewatch.v1.CertificateChanged
             * @instance
             */
            CertificateChanged.prototype.eventId = "";

            /**
             * CertificateChanged vehicle.
             * @member {safewatch.v1.VehicleRef.$Properties|null|undefined} vehicle
             * @memberof safewatch.v1.CertificateChanged
             * @instance
             */
            CertificateChanged.prototype.vehicle = null;

            /**
             * CertificateChanged driverId.
             * @member {string} driverId
             * @memberof safewatch.v1.CertificateChanged
             * @instance
             */
            CertificateChanged.prototype.driverId = "";

            /**
             * CertificateChanged transportCertExpiresOn.
             * @member {string} transportCertExpiresOn
             * @memberof safewatch.v1.CertificateChanged
             * @instance
             */
            CertificateChanged.prototype.transportCertExpiresOn = "";

            /**
             * CertificateChanged qualificationCertExpiresOn.
             * @member {string} qualificationCertExpiresOn
             * @memberof safewatch.v1.CertificateChanged
             * @instance
             */
            CertificateChanged.prototype.qualificationCertExpiresOn = "";

            /**
             * CertificateChanged occurredAtMs.
             * @member {number} occurredAtMs
             * @memberof safewatch.v1.CertificateChanged
             * @instance
             */
            CertificateChanged.prototype.occurredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new CertificateChanged instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {safewatch.v1.CertificateChanged.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.CertificateChanged} CertificateChanged instance
             * @type {{
             *   (properties: safewatch.v1.CertificateChanged.$Shape): safewatch.v1.CertificateChanged & safewatch.v1.CertificateChanged.$Shape;
             *   (properties?: safewatch.v1.CertificateChanged.$Properties): safewatch.v1.CertificateChanged;
             * }}
             */
            CertificateChanged.create = function(properties) {
                return new CertificateChanged(properties);
            };

            /**
             * Encodes the specified CertificateChanged message. Does not implicitly {@link safewatch.v1.CertificateChanged.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {safewatch.v1.CertificateChanged.$Properties} m CertificateChanged message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CertificateChanged.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId") && m.eventId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.eventId);
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle"))
                    $root.safewatch.v1.VehicleRef.encode(m.vehicle, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId") && m.driverId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.driverId);
                if (m.transportCertExpiresOn != null && $Object.hasOwnProperty.call(m, "transportCertExpiresOn") && m.transportCertExpiresOn !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.transportCertExpiresOn);
                if (m.qualificationCertExpiresOn != null && $Object.hasOwnProperty.call(m, "qualificationCertExpiresOn") && m.qualificationCertExpiresOn !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.qualificationCertExpiresOn);
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs") && (typeof m.occurredAtMs === "object" ? m.occurredAtMs.low || m.occurredAtMs.high : m.occurredAtMs !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).int64(m.occurredAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified CertificateChanged message, length delimited. Does not implicitly {@link safewatch.v1.CertificateChanged.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {safewatch.v1.CertificateChanged.$Properties} message CertificateChanged message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CertificateChanged.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CertificateChanged message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.CertificateChanged & safewatch.v1.CertificateChanged.$Shape} CertificateChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CertificateChanged.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.CertificateChanged();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.eventId = v;
                            else
                                delete m.eventId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.vehicle = $root.safewatch.v1.VehicleRef.decode(r, r.size(), $undefined, q + 1, m.vehicle);
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.driverId = v;
                            else
                                delete m.driverId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.transportCertExpiresOn = v;
                            else
                                delete m.transportCertExpiresOn;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.qualificationCertExpiresOn = v;
                            else
                                delete m.qualificationCertExpiresOn;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.occurredAtMs = v;
                            else
                                delete m.occurredAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a CertificateChanged message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.CertificateChanged & safewatch.v1.CertificateChanged.$Shape} CertificateChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CertificateChanged.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CertificateChanged message.
             * @function verify
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CertificateChanged.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId")) {
                    if (!$util.isString(m.eventId))
                        return "eventId: string expected";
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    {
                        var e = $root.safewatch.v1.VehicleRef.verify(m.vehicle, q + 1);
                        if (e)
                            return "vehicle." + e;
                    }
                }
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId")) {
                    if (!$util.isString(m.driverId))
                        return "driverId: string expected";
                }
                if (m.transportCertExpiresOn != null && $Object.hasOwnProperty.call(m, "transportCertExpiresOn")) {
                    if (!$util.isString(m.transportCertExpiresOn))
                        return "transportCertExpiresOn: string expected";
                }
                if (m.qualificationCertExpiresOn != null && $Object.hasOwnProperty.call(m, "qualificationCertExpiresOn")) {
                    if (!$util.isString(m.qualificationCertExpiresOn))
                        return "qualificationCertExpiresOn: string expected";
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (!$util.isInteger(m.occurredAtMs) && !(m.occurredAtMs && $util.isInteger(m.occurredAtMs.low) && $util.isInteger(m.occurredAtMs.high)))
                        return "occurredAtMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a CertificateChanged message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.CertificateChanged} CertificateChanged
             */
            CertificateChanged.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.CertificateChanged)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.CertificateChanged: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.CertificateChanged();
                if (d.eventId != null) {
                    if (typeof d.eventId !== "string" || d.eventId.length) {
                        m.eventId = $String(d.eventId);
                    }
                }
                if (d.vehicle != null) {
                    if (!$util.isObject(d.vehicle))
                        throw $TypeError(".safewatch.v1.CertificateChanged.vehicle: object expected");
                    m.vehicle = $root.safewatch.v1.VehicleRef.fromObject(d.vehicle, q + 1);
                }
                if (d.driverId != null) {
                    if (typeof d.driverId !== "string" || d.driverId.length) {
                        m.driverId = $String(d.driverId);
                    }
                }
                if (d.transportCertExpiresOn != null) {
                    if (typeof d.transportCertExpiresOn !== "string" || d.transportCertExpiresOn.length) {
                        m.transportCertExpiresOn = $String(d.transportCertExpiresOn);
                    }
                }
                if (d.qualificationCertExpiresOn != null) {
                    if (typeof d.qualificationCertExpiresOn !== "string" || d.qualificationCertExpiresOn.length) {
                        m.qualificationCertExpiresOn = $String(d.qualificationCertExpiresOn);
                    }
                }
                if (d.occurredAtMs != null) {
                    if (typeof d.occurredAtMs === "object" ? d.occurredAtMs.low || d.occurredAtMs.high : $Number(d.occurredAtMs) !== 0) {
                        if ($util.Long)
                            m.occurredAtMs = $util.Long.fromValue(d.occurredAtMs, false);
                        else if (typeof d.occurredAtMs === "string")
                            m.occurredAtMs = $parseInt(d.occurredAtMs, 10);
                        else if (typeof d.occurredAtMs === "number")
                            m.occurredAtMs = d.occurredAtMs;
                        else if (typeof d.occurredAtMs === "object")
                            m.occurredAtMs = new $util.LongBits(d.occurredAtMs.low >>> 0, d.occurredAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CertificateChanged message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {safewatch.v1.CertificateChanged} m CertificateChanged
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CertificateChanged.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.eventId = "";
                    d.vehicle = null;
                    d.driverId = "";
                    d.transportCertExpiresOn = "";
                    d.qualificationCertExpiresOn = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.occurredAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.occurredAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId")) {
                    d.eventId = m.eventId;
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    d.vehicle = $root.safewatch.v1.VehicleRef.toObject(m.vehicle, o, q + 1);
                }
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId")) {
                    d.driverId = m.driverId;
                }
                if (m.transportCertExpiresOn != null && $Object.hasOwnProperty.call(m, "transportCertExpiresOn")) {
                    d.transportCertExpiresOn = m.transportCertExpiresOn;
                }
                if (m.qualificationCertExpiresOn != null && $Object.hasOwnProperty.call(m, "qualificationCertExpiresOn")) {
                    d.qualificationCertExpiresOn = m.qualificationCertExpiresOn;
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.occurredAtMs = typeof m.occurredAtMs === "number" ? $BigInt(m.occurredAtMs) : $util.Long.fromBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.occurredAtMs === "number")
                        d.occurredAtMs = o.longs === $String ? $String(m.occurredAtMs) : m.occurredAtMs;
                    else
                        d.occurredAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.occurredAtMs) : o.longs === $Number ? new $util.LongBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0).toNumber() : m.occurredAtMs;
                }
                return d;
            };

            /**
             * Converts this CertificateChanged to JSON.
             * @function toJSON
             * @memberof safewatch.v1.CertificateChanged
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CertificateChanged.prototype.toJSON = function() {
                return CertificateChanged.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CertificateChanged
             * @function getTypeUrl
             * @memberof safewatch.v1.CertificateChanged
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CertificateChanged.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.CertificateChanged";
            };

            return CertificateChanged;
        })();

        v1.BindingsEnvelope = (function() {

            /**
             * Properties of a BindingsEnvelope.
             * @typedef {Object} safewatch.v1.BindingsEnvelope.$Properties
             * @property {safewatch.v1.BindingEvent.$Properties|null} [binding] BindingsEnvelope binding
             * @property {safewatch.v1.CertificateChanged.$Properties|null} [certificate] BindingsEnvelope certificate
             * @property {"binding"|"certificate"} [event] BindingsEnvelope event
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BindingsEnvelope.
             * @memberof safewatch.v1
             * @interface IBindingsEnvelope
             * @augments safewatch.v1.BindingsEnvelope.$Properties
             * @deprecated Use safewatch.v1.BindingsEnvelope.$Properties instead.
             */

            /**
             * Narrowed shape of a BindingsEnvelope.
             * @typedef {{
             *   binding?: safewatch.v1.BindingEvent.$Shape|null;
             *   certificate?: safewatch.v1.CertificateChanged.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ event?: undefined; binding?: null; certificate?: null }|{ event?: "binding"; binding: safewatch.v1.BindingEvent.$Shape; certificate?: null }|{ event?: "certificate"; binding?: null; certificate: safewatch.v1.CertificateChanged.$Shape })
             * )} safewatch.v1.BindingsEnvelope.$Shape
             */

            /**
             * Constructs a new BindingsEnvelope.
             * @memberof safewatch.v1
             * @classdesc Represents a BindingsEnvelope.
             * @constructor
             * @param {safewatch.v1.BindingsEnvelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BindingsEnvelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * BindingsEnvelope binding.
             * @member {safewatch.v1.BindingEvent.$Properties|null|undefined} binding
             * @memberof safewatch.v1.BindingsEnvelope
             * @instance
             */
            BindingsEnvelope.prototype.binding = null;

            /**
             * BindingsEnvelope certificate.
             * @member {safewatch.v1.CertificateChanged.$Properties|null|undefined} certificate
             * @memberof safewatch.v1.BindingsEnvelope
             * @instance
             */
            BindingsEnvelope.prototype.certificate = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * BindingsEnvelope event.
             * @member {"binding"|"certificate"|undefined} event
             * @memberof safewatch.v1.BindingsEnvelope
             * @instance
             */
            $Object.defineProperty(BindingsEnvelope.prototype, "event", {
                get: $util.oneOfGetter($oneOfFields = ["binding", "certificate"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new BindingsEnvelope instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {safewatch.v1.BindingsEnvelope.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.BindingsEnvelope} BindingsEnvelope instance
             * @type {{
             *   (properties: safewatch.v1.BindingsEnvelope.$Shape): safewatch.v1.BindingsEnvelope & safewatch.v1.BindingsEnvelope.$Shape;
             *   (properties?: safewatch.v1.BindingsEnvelope.$Properties): safewatch.v1.BindingsEnvelope;
             * }}
             */
            BindingsEnvelope.create = function(properties) {
                return new BindingsEnvelope(properties);
            };

            /**
             * Encodes the specified BindingsEnvelope message. Does not implicitly {@link safewatch.v1.BindingsEnvelope.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {safewatch.v1.BindingsEnvelope.$Properties} m BindingsEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BindingsEnvelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.binding != null && $Object.hasOwnProperty.call(m, "binding"))
                    $root.safewatch.v1.BindingEvent.encode(m.binding, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate"))
                    $root.safewatch.v1.CertificateChanged.encode(m.certificate, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified BindingsEnvelope message, length delimited. Does not implicitly {@link safewatch.v1.BindingsEnvelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {safewatch.v1.BindingsEnvelope.$Properties} message BindingsEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BindingsEnvelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a BindingsEnvelope message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.BindingsEnvelope & safewatch.v1.BindingsEnvelope.$Shape} BindingsEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BindingsEnvelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.BindingsEnvelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.binding = $root.safewatch.v1.BindingEvent.decode(r, r.size(), $undefined, q + 1, m.binding);
                            m.event = "binding";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.certificate = $root.safewatch.v1.CertificateChanged.decode(r, r.size(), $undefined, q + 1, m.certificate);
                            m.event = "certificate";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a BindingsEnvelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.BindingsEnvelope & safewatch.v1.BindingsEnvelope.$Shape} BindingsEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BindingsEnvelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a BindingsEnvelope message.
             * @function verify
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            BindingsEnvelope.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.binding != null && $Object.hasOwnProperty.call(m, "binding")) {
                    p.event = 1;
                    {
                        var e = $root.safewatch.v1.BindingEvent.verify(m.binding, q + 1);
                        if (e)
                            return "binding." + e;
                    }
                }
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate")) {
                    if (p.event === 1)
                        return "event: multiple values";
                    p.event = 1;
                    {
                        var e = $root.safewatch.v1.CertificateChanged.verify(m.certificate, q + 1);
                        if (e)
                            return "certificate." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a BindingsEnvelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.BindingsEnvelope} BindingsEnvelope
             */
            BindingsEnvelope.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.BindingsEnvelope)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.BindingsEnvelope: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.BindingsEnvelope();
                if (d.binding != null) {
                    if (!$util.isObject(d.binding))
                        throw $TypeError(".safewatch.v1.BindingsEnvelope.binding: object expected");
                    m.binding = $root.safewatch.v1.BindingEvent.fromObject(d.binding, q + 1);
                }
                if (d.certificate != null) {
                    if (!$util.isObject(d.certificate))
                        throw $TypeError(".safewatch.v1.BindingsEnvelope.certificate: object expected");
                    m.certificate = $root.safewatch.v1.CertificateChanged.fromObject(d.certificate, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a BindingsEnvelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {safewatch.v1.BindingsEnvelope} m BindingsEnvelope
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BindingsEnvelope.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.binding != null && $Object.hasOwnProperty.call(m, "binding")) {
                    d.binding = $root.safewatch.v1.BindingEvent.toObject(m.binding, o, q + 1);
                    if (o.oneofs)
                        d.event = "binding";
                }
                if (m.certificate != null && $Object.hasOwnProperty.call(m, "certificate")) {
                    d.certificate = $root.safewatch.v1.CertificateChanged.toObject(m.certificate, o, q + 1);
                    if (o.oneofs)
                        d.event = "certificate";
                }
                return d;
            };

            /**
             * Converts this BindingsEnvelope to JSON.
             * @function toJSON
             * @memberof safewatch.v1.BindingsEnvelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BindingsEnvelope.prototype.toJSON = function() {
                return BindingsEnvelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for BindingsEnvelope
             * @function getTypeUrl
             * @memberof safewatch.v1.BindingsEnvelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BindingsEnvelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.BindingsEnvelope";
            };

            return BindingsEnvelope;
        })();

        v1.Position = (function() {

            /**
             * Properties of a Position.
             * @typedef {Object} safewatch.v1.Position.$Properties
             * @property {string|null} [plateNumber] Position plateNumber
             * @property {safewatch.v1.PlateColor|null} [plateColor] Position plateColor
             * @property {number|null} [gnssTimeMs] Position gnssTimeMs
             * @property {number|null} [latE6] Position latE6
             * @property {number|null} [lonE6] Position lonE6
             * @property {number|null} [speedDkmh] Position speedDkmh
             * @property {number|null} [headingDeg] Position headingDeg
             * @property {number|null} [altitudeM] Position altitudeM
             * @property {number|null} [alarmFlags] Position alarmFlags
             * @property {number|null} [statusFlags] Position statusFlags
             * @property {number|null} [odometerHm] Position odometerHm
             * @property {string|null} [platformId] Position platformId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Position.
             * @memberof safewatch.v1
             * @interface IPosition
             * @augments safewatch.v1.Position.$Properties
             * @deprecated Use safewatch.v1.Position.$Properties instead.
             */

            /**
             * Shape of a Position.
             * @typedef {safewatch.v1.Position.$Properties} safewatch.v1.Position.$Shape
             */

            /**
             * Constructs a new Position.
             * @memberof safewatch.v1
             * @classdesc Represents a Position.
             * @constructor
             * @param {safewatch.v1.Position.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Position = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Position plateNumber.
             * @member {string} plateNumber
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.plateNumber = "";

            /**
             * Position plateColor.
             * @member {safewatch.v1.PlateColor} plateColor
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.plateColor = 0;

            /**
             * Position gnssTimeMs.
             * @member {number} gnssTimeMs
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.gnssTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Position latE6.
             * @member {number} latE6
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.latE6 = 0;

            /**
             * Position lonE6.
             * @member {number} lonE6
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.lonE6 = 0;

            /**
             * Position speedDkmh.
             * @member {number} speedDkmh
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.speedDkmh = 0;

            /**
             * Position headingDeg.
             * @member {number} headingDeg
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.headingDeg = 0;

            /**
             * Position altitudeM.
             * @member {number} altitudeM
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.altitudeM = 0;

            /**
             * Position alarmFlags.
             * @member {number} alarmFlags
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.alarmFlags = 0;

            /**
             * Position statusFlags.
             * @member {number} statusFlags
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.statusFlags = 0;

            /**
             * Position odometerHm.
             * @member {number} odometerHm
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.odometerHm = 0;

            /**
             * Position platformId.
             * @member {string} platformId
             * @memberof safewatch.v1.Position
             * @instance
             */
            Position.prototype.platformId = "";

            /**
             * Creates a new Position instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.Position
             * @static
             * @param {safewatch.v1.Position.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.Position} Position instance
             * @type {{
             *   (properties: safewatch.v1.Position.$Shape): safewatch.v1.Position & safewatch.v1.Position.$Shape;
             *   (properties?: safewatch.v1.Position.$Properties): safewatch.v1.Position;
             * }}
             */
            Position.create = function(properties) {
                return new Position(properties);
            };

            /**
             * Encodes the specified Position message. Does not implicitly {@link safewatch.v1.Position.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.Position
             * @static
             * @param {safewatch.v1.Position.$Properties} m Position message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Position.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber") && m.plateNumber !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.plateNumber);
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor") && m.plateColor !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.plateColor);
                if (m.gnssTimeMs != null && $Object.hasOwnProperty.call(m, "gnssTimeMs") && (typeof m.gnssTimeMs === "object" ? m.gnssTimeMs.low || m.gnssTimeMs.high : m.gnssTimeMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.gnssTimeMs);
                if (m.latE6 != null && $Object.hasOwnProperty.call(m, "latE6") && m.latE6 !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).sint32(m.latE6);
                if (m.lonE6 != null && $Object.hasOwnProperty.call(m, "lonE6") && m.lonE6 !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).sint32(m.lonE6);
                if (m.speedDkmh != null && $Object.hasOwnProperty.call(m, "speedDkmh") && m.speedDkmh !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.speedDkmh);
                if (m.headingDeg != null && $Object.hasOwnProperty.call(m, "headingDeg") && m.headingDeg !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).uint32(m.headingDeg);
                if (m.altitudeM != null && $Object.hasOwnProperty.call(m, "altitudeM") && m.altitudeM !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).sint32(m.altitudeM);
                if (m.alarmFlags != null && $Object.hasOwnProperty.call(m, "alarmFlags") && m.alarmFlags !== 0)
                    w.uint32(/* id 9, wireType 0 =*/72).uint32(m.alarmFlags);
                if (m.statusFlags != null && $Object.hasOwnProperty.call(m, "statusFlags") && m.statusFlags !== 0)
                    w.uint32(/* id 10, wireType 0 =*/80).uint32(m.statusFlags);
                if (m.odometerHm != null && $Object.hasOwnProperty.call(m, "odometerHm") && m.odometerHm !== 0)
                    w.uint32(/* id 11, wireType 0 =*/88).uint32(m.odometerHm);
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId") && m.platformId !== "")
                    w.uint32(/* id 12, wireType 2 =*/98).string(m.platformId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Position message, length delimited. Does not implicitly {@link safewatch.v1.Position.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.Position
             * @static
             * @param {safewatch.v1.Position.$Properties} message Position message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Position.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Position message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.Position
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.Position & safewatch.v1.Position.$Shape} Position
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Position.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.Position();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.plateNumber = v;
                            else
                                delete m.plateNumber;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.plateColor = v;
                            else
                                delete m.plateColor;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.gnssTimeMs = v;
                            else
                                delete m.gnssTimeMs;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.latE6 = v;
                            else
                                delete m.latE6;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.lonE6 = v;
                            else
                                delete m.lonE6;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.speedDkmh = v;
                            else
                                delete m.speedDkmh;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.headingDeg = v;
                            else
                                delete m.headingDeg;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.altitudeM = v;
                            else
                                delete m.altitudeM;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.alarmFlags = v;
                            else
                                delete m.alarmFlags;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.statusFlags = v;
                            else
                                delete m.statusFlags;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.odometerHm = v;
                            else
                                delete m.odometerHm;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.platformId = v;
                            else
                                delete m.platformId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Position message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.Position
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.Position & safewatch.v1.Position.$Shape} Position
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Position.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Position message.
             * @function verify
             * @memberof safewatch.v1.Position
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Position.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber")) {
                    if (!$util.isString(m.plateNumber))
                        return "plateNumber: string expected";
                }
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor")) {
                    if (typeof m.plateColor !== "number" || (m.plateColor | 0) !== m.plateColor)
                        return "plateColor: enum value expected";
                }
                if (m.gnssTimeMs != null && $Object.hasOwnProperty.call(m, "gnssTimeMs")) {
                    if (!$util.isInteger(m.gnssTimeMs) && !(m.gnssTimeMs && $util.isInteger(m.gnssTimeMs.low) && $util.isInteger(m.gnssTimeMs.high)))
                        return "gnssTimeMs: integer|Long expected";
                }
                if (m.latE6 != null && $Object.hasOwnProperty.call(m, "latE6")) {
                    if (!$util.isInteger(m.latE6))
                        return "latE6: integer expected";
                }
                if (m.lonE6 != null && $Object.hasOwnProperty.call(m, "lonE6")) {
                    if (!$util.isInteger(m.lonE6))
                        return "lonE6: integer expected";
                }
                if (m.speedDkmh != null && $Object.hasOwnProperty.call(m, "speedDkmh")) {
                    if (!$util.isInteger(m.speedDkmh))
                        return "speedDkmh: integer expected";
                }
                if (m.headingDeg != null && $Object.hasOwnProperty.call(m, "headingDeg")) {
                    if (!$util.isInteger(m.headingDeg))
                        return "headingDeg: integer expected";
                }
                if (m.altitudeM != null && $Object.hasOwnProperty.call(m, "altitudeM")) {
                    if (!$util.isInteger(m.altitudeM))
                        return "altitudeM: integer expected";
                }
                if (m.alarmFlags != null && $Object.hasOwnProperty.call(m, "alarmFlags")) {
                    if (!$util.isInteger(m.alarmFlags))
                        return "alarmFlags: integer expected";
                }
                if (m.statusFlags != null && $Object.hasOwnProperty.call(m, "statusFlags")) {
                    if (!$util.isInteger(m.statusFlags))
                        return "statusFlags: integer expected";
                }
                if (m.odometerHm != null && $Object.hasOwnProperty.call(m, "odometerHm")) {
                    if (!$util.isInteger(m.odometerHm))
                        return "odometerHm: integer expected";
                }
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId")) {
                    if (!$util.isString(m.platformId))
                        return "platformId: string expected";
                }
                return null;
            };

            /**
             * Creates a Position message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.Position
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.Position} Position
             */
            Position.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.Position)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.Position: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.Position();
                if (d.plateNumber != null) {
                    if (typeof d.plateNumber !== "string" || d.plateNumber.length) {
                        m.plateNumber = $String(d.plateNumber);
                    }
                }
                if (d.plateColor !== 0 && (typeof d.plateColor !== "string" || $root.safewatch.v1.PlateColor[d.plateColor] !== 0)) {
                    switch (d.plateColor) {
                    case "PLATE_COLOR_UNSPECIFIED":
                    case 0:
                        m.plateColor = 0;
                        break;
                    case "PLATE_COLOR_BLUE":
                    case 1:
                        m.plateColor = 1;
                        break;
                    case "PLATE_COLOR_YELLOW":
                    case 2:
                        m.plateColor = 2;
                        break;
                    case "PLATE_COLOR_BLACK":
                    case 3:
                        m.plateColor = 3;
                        break;
                    case "PLATE_COLOR_WHITE":
                    case 4:
                        m.plateColor = 4;
                        break;
                    case "PLATE_COLOR_GREEN":
                    case 5:
                        m.plateColor = 5;
                        break;
                    case "PLATE_COLOR_OTHER":
                    case 9:
                        m.plateColor = 9;
                        break;
                    case "PLATE_COLOR_FARM_YELLOW":
                    case 91:
                        m.plateColor = 91;
                        break;
                    case "PLATE_COLOR_FARM_GREEN":
                    case 92:
                        m.plateColor = 92;
                        break;
                    case "PLATE_COLOR_YELLOW_GREEN":
                    case 93:
                        m.plateColor = 93;
                        break;
                    case "PLATE_COLOR_GRADIENT_GREEN":
                    case 94:
                        m.plateColor = 94;
                        break;
                    default:
                        if (typeof d.plateColor === "number" && (d.plateColor | 0) === d.plateColor)
                            m.plateColor = d.plateColor;
                    }
                }
                if (d.gnssTimeMs != null) {
                    if (typeof d.gnssTimeMs === "object" ? d.gnssTimeMs.low || d.gnssTimeMs.high : $Number(d.gnssTimeMs) !== 0) {
                        if ($util.Long)
                            m.gnssTimeMs = $util.Long.fromValue(d.gnssTimeMs, false);
                        else if (typeof d.gnssTimeMs === "string")
                            m.gnssTimeMs = $parseInt(d.gnssTimeMs, 10);
                        else if (typeof d.gnssTimeMs === "number")
                            m.gnssTimeMs = d.gnssTimeMs;
                        else if (typeof d.gnssTimeMs === "object")
                            m.gnssTimeMs = new $util.LongBits(d.gnssTimeMs.low >>> 0, d.gnssTimeMs.high >>> 0).toNumber();
                    }
                }
                if (d.latE6 != null) {
                    if ($Number(d.latE6) !== 0) {
                        m.latE6 = d.latE6 | 0;
                    }
                }
                if (d.lonE6 != null) {
                    if ($Number(d.lonE6) !== 0) {
                        m.lonE6 = d.lonE6 | 0;
                    }
                }
                if (d.speedDkmh != null) {
                    if ($Number(d.speedDkmh) !== 0) {
                        m.speedDkmh = d.speedDkmh >>> 0;
                    }
                }
                if (d.headingDeg != null) {
                    if ($Number(d.headingDeg) !== 0) {
                        m.headingDeg = d.headingDeg >>> 0;
                    }
                }
                if (d.altitudeM != null) {
                    if ($Number(d.altitudeM) !== 0) {
                        m.altitudeM = d.altitudeM | 0;
                    }
                }
                if (d.alarmFlags != null) {
                    if ($Number(d.alarmFlags) !== 0) {
                        m.alarmFlags = d.alarmFlags >>> 0;
                    }
                }
                if (d.statusFlags != null) {
                    if ($Number(d.statusFlags) !== 0) {
                        m.statusFlags = d.statusFlags >>> 0;
                    }
                }
                if (d.odometerHm != null) {
                    if ($Number(d.odometerHm) !== 0) {
                        m.odometerHm = d.odometerHm >>> 0;
                    }
                }
                if (d.platformId != null) {
                    if (typeof d.platformId !== "string" || d.platformId.length) {
                        m.platformId = $String(d.platformId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Position message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.Position
             * @static
             * @param {safewatch.v1.Position} m Position
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Position.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.plateNumber = "";
                    d.plateColor = o.enums === $String ? "PLATE_COLOR_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.gnssTimeMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.gnssTimeMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.latE6 = 0;
                    d.lonE6 = 0;
                    d.speedDkmh = 0;
                    d.headingDeg = 0;
                    d.altitudeM = 0;
                    d.alarmFlags = 0;
                    d.statusFlags = 0;
                    d.odometerHm = 0;
                    d.platformId = "";
                }
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber")) {
                    d.plateNumber = m.plateNumber;
                }
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor")) {
                    d.plateColor = o.enums === $String ? $root.safewatch.v1.PlateColor[m.plateColor] === $undefined ? m.plateColor : $root.safewatch.v1.PlateColor[m.plateColor] : m.plateColor;
                }
                if (m.gnssTimeMs != null && $Object.hasOwnProperty.call(m, "gnssTimeMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.gnssTimeMs = typeof m.gnssTimeMs === "number" ? $BigInt(m.gnssTimeMs) : $util.Long.fromBits(m.gnssTimeMs.low >>> 0, m.gnssTimeMs.high >>> 0, false).toBigInt();
                    else if (typeof m.gnssTimeMs === "number")
                        d.gnssTimeMs = o.longs === $String ? $String(m.gnssTimeMs) : m.gnssTimeMs;
                    else
                        d.gnssTimeMs = o.longs === $String ? $util.Long.prototype.toString.call(m.gnssTimeMs) : o.longs === $Number ? new $util.LongBits(m.gnssTimeMs.low >>> 0, m.gnssTimeMs.high >>> 0).toNumber() : m.gnssTimeMs;
                }
                if (m.latE6 != null && $Object.hasOwnProperty.call(m, "latE6")) {
                    d.latE6 = m.latE6;
                }
                if (m.lonE6 != null && $Object.hasOwnProperty.call(m, "lonE6")) {
                    d.lonE6 = m.lonE6;
                }
                if (m.speedDkmh != null && $Object.hasOwnProperty.call(m, "speedDkmh")) {
                    d.speedDkmh = m.speedDkmh;
                }
                if (m.headingDeg != null && $Object.hasOwnProperty.call(m, "headingDeg")) {
                    d.headingDeg = m.headingDeg;
                }
                if (m.altitudeM != null && $Object.hasOwnProperty.call(m, "altitudeM")) {
                    d.altitudeM = m.altitudeM;
                }
                if (m.alarmFlags != null && $Object.hasOwnProperty.call(m, "alarmFlags")) {
                    d.alarmFlags = m.alarmFlags;
                }
                if (m.statusFlags != null && $Object.hasOwnProperty.call(m, "statusFlags")) {
                    d.statusFlags = m.statusFlags;
                }
                if (m.odometerHm != null && $Object.hasOwnProperty.call(m, "odometerHm")) {
                    d.odometerHm = m.odometerHm;
                }
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId")) {
                    d.platformId = m.platformId;
                }
                return d;
            };

            /**
             * Converts this Position to JSON.
             * @function toJSON
             * @memberof safewatch.v1.Position
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Position.prototype.toJSON = function() {
                return Position.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Position
             * @function getTypeUrl
             * @memberof safewatch.v1.Position
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Position.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.Position";
            };

            return Position;
        })();

        v1.PositionBatch = (function() {

            /**
             * Properties of a PositionBatch.
             * @typedef {Object} safewatch.v1.PositionBatch.$Properties
             * @property {string|null} [platformId] PositionBatch platformId
             * @property {string|null} [batchId] PositionBatch batchId
             * @property {number|null} [sentAtMs] PositionBatch sentAtMs
             * @property {Array.<safewatch.v1.Position.$Properties>|null} [positions] PositionBatch positions
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PositionBatch.
             * @memberof safewatch.v1
             * @interface IPositionBatch
             * @augments safewatch.v1.PositionBatch.$Properties
             * @deprecated Use safewatch.v1.PositionBatch.$Properties instead.
             */

            /**
             * Shape of a PositionBatch.
             * @typedef {safewatch.v1.PositionBatch.$Properties} safewatch.v1.PositionBatch.$Shape
             */

            /**
             * Constructs a new PositionBatch.
             * @memberof safewatch.v1
             * @classdesc Represents a PositionBatch.
             * @constructor
             * @param {safewatch.v1.PositionBatch.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PositionBatch = function (p) {
                this.positions = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PositionBatch platformId.
             * @member {string} platformId
             * @memberof safewatch.v1.PositionBatch
             * @instance
             */
            PositionBatch.prototype.platformId = "";

            /**
             * PositionBatch batchId.
             * @member {string} batchId
             * @memberof safewatch.v1.PositionBatch
             * @instance
             */
            PositionBatch.prototype.batchId = "";

            /**
             * PositionBatch sentAtMs.
             * @member {number} sentAtMs
             * @memberof safewatch.v1.PositionBatch
             * @instance
             */
            PositionBatch.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PositionBatch positions.
             * @member {Array.<safewatch.v1.Position.$Properties>} positions
             * @memberof safewatch.v1.PositionBatch
             * @instance
             */
            PositionBatch.prototype.positions = $util.emptyArray;

            /**
             * Creates a new PositionBatch instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {safewatch.v1.PositionBatch.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.PositionBatch} PositionBatch instance
             * @type {{
             *   (properties: safewatch.v1.PositionBatch.$Shape): safewatch.v1.PositionBatch & safewatch.v1.PositionBatch.$Shape;
             *   (properties?: safewatch.v1.PositionBatch.$Properties): safewatch.v1.PositionBatch;
             * }}
             */
            PositionBatch.create = function(properties) {
                return new PositionBatch(properties);
            };

            /**
             * Encodes the specified PositionBatch message. Does not implicitly {@link safewatch.v1.PositionBatch.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {safewatch.v1.PositionBatch.$Properties} m PositionBatch message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PositionBatch.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId") && m.platformId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.platformId);
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId") && m.batchId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.batchId);
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs") && (typeof m.sentAtMs === "object" ? m.sentAtMs.low || m.sentAtMs.high : m.sentAtMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.sentAtMs);
                if (m.positions != null && m.positions.length) {
                    for (var i = 0; i < m.positions.length; ++i)
                        $root.safewatch.v1.Position.encode(m.positions[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PositionBatch message, length delimited. Does not implicitly {@link safewatch.v1.PositionBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {safewatch.v1.PositionBatch.$Properties} message PositionBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PositionBatch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PositionBatch message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.PositionBatch & safewatch.v1.PositionBatch.$Shape} PositionBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PositionBatch.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.PositionBatch();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.platformId = v;
                            else
                                delete m.platformId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.batchId = v;
                            else
                                delete m.batchId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAtMs = v;
                            else
                                delete m.sentAtMs;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.positions && m.positions.length))
                                m.positions = [];
                            m.positions.push($root.safewatch.v1.Position.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PositionBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.PositionBatch & safewatch.v1.PositionBatch.$Shape} PositionBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PositionBatch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PositionBatch message.
             * @function verify
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PositionBatch.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId")) {
                    if (!$util.isString(m.platformId))
                        return "platformId: string expected";
                }
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    if (!$util.isString(m.batchId))
                        return "batchId: string expected";
                }
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (!$util.isInteger(m.sentAtMs) && !(m.sentAtMs && $util.isInteger(m.sentAtMs.low) && $util.isInteger(m.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                }
                if (m.positions != null && $Object.hasOwnProperty.call(m, "positions")) {
                    if (!$Array.isArray(m.positions))
                        return "positions: array expected";
                    for (var i = 0; i < m.positions.length; ++i) {
                        {
                            var e = $root.safewatch.v1.Position.verify(m.positions[i], q + 1);
                            if (e)
                                return "positions." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a PositionBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.PositionBatch} PositionBatch
             */
            PositionBatch.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.PositionBatch)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.PositionBatch: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.PositionBatch();
                if (d.platformId != null) {
                    if (typeof d.platformId !== "string" || d.platformId.length) {
                        m.platformId = $String(d.platformId);
                    }
                }
                if (d.batchId != null) {
                    if (typeof d.batchId !== "string" || d.batchId.length) {
                        m.batchId = $String(d.batchId);
                    }
                }
                if (d.sentAtMs != null) {
                    if (typeof d.sentAtMs === "object" ? d.sentAtMs.low || d.sentAtMs.high : $Number(d.sentAtMs) !== 0) {
                        if ($util.Long)
                            m.sentAtMs = $util.Long.fromValue(d.sentAtMs, false);
                        else if (typeof d.sentAtMs === "string")
                            m.sentAtMs = $parseInt(d.sentAtMs, 10);
                        else if (typeof d.sentAtMs === "number")
                            m.sentAtMs = d.sentAtMs;
                        else if (typeof d.sentAtMs === "object")
                            m.sentAtMs = new $util.LongBits(d.sentAtMs.low >>> 0, d.sentAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.positions) {
                    if (!$Array.isArray(d.positions))
                        throw $TypeError(".safewatch.v1.PositionBatch.positions: array expected");
                    m.positions = $Array(d.positions.length);
                    for (var i = 0; i < d.positions.length; ++i) {
                        if (!$util.isObject(d.positions[i]))
                            throw $TypeError(".safewatch.v1.PositionBatch.positions: object expected");
                        m.positions[i] = $root.safewatch.v1.Position.fromObject(d.positions[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PositionBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {safewatch.v1.PositionBatch} m PositionBatch
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PositionBatch.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.positions = [];
                }
                if (o.defaults) {
                    d.platformId = "";
                    d.batchId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sentAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sentAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId")) {
                    d.platformId = m.platformId;
                }
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    d.batchId = m.batchId;
                }
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sentAtMs = typeof m.sentAtMs === "number" ? $BigInt(m.sentAtMs) : $util.Long.fromBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.sentAtMs === "number")
                        d.sentAtMs = o.longs === $String ? $String(m.sentAtMs) : m.sentAtMs;
                    else
                        d.sentAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.sentAtMs) : o.longs === $Number ? new $util.LongBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0).toNumber() : m.sentAtMs;
                }
                if (m.positions && m.positions.length) {
                    d.positions = $Array(m.positions.length);
                    for (var j = 0; j < m.positions.length; ++j) {
                        d.positions[j] = $root.safewatch.v1.Position.toObject(m.positions[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this PositionBatch to JSON.
             * @function toJSON
             * @memberof safewatch.v1.PositionBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PositionBatch.prototype.toJSON = function() {
                return PositionBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PositionBatch
             * @function getTypeUrl
             * @memberof safewatch.v1.PositionBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PositionBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.PositionBatch";
            };

            return PositionBatch;
        })();

        /**
         * RejectReason enum.
         * @name safewatch.v1.RejectReason
         * @enum {number}
         * @property {number} REJECT_REASON_UNSPECIFIED=0 REJECT_REASON_UNSPECIFIED value
         * @property {number} REJECT_REASON_MALFORMED=1 REJECT_REASON_MALFORMED value
         * @property {number} REJECT_REASON_COORDINATES_OUT_OF_RANGE=2 REJECT_REASON_COORDINATES_OUT_OF_RANGE value
         * @property {number} REJECT_REASON_ZERO_FIX=3 REJECT_REASON_ZERO_FIX value
         * @property {number} REJECT_REASON_FUTURE_TIME=4 REJECT_REASON_FUTURE_TIME value
         * @property {number} REJECT_REASON_SPEED_OUT_OF_RANGE=5 REJECT_REASON_SPEED_OUT_OF_RANGE value
         * @property {number} REJECT_REASON_UNKNOWN_PLATE_COLOR=6 REJECT_REASON_UNKNOWN_PLATE_COLOR value
         * @property {number} REJECT_REASON_INVALID_PLATE=7 REJECT_REASON_INVALID_PLATE value
         * @property {number} REJECT_REASON_INVALID_TIME=8 REJECT_REASON_INVALID_TIME value
         * @property {number} REJECT_REASON_INVALID_HEADING=9 REJECT_REASON_INVALID_HEADING value
         * @property {number} REJECT_REASON_BATCH_TOO_LARGE=10 REJECT_REASON_BATCH_TOO_LARGE value
         */
        v1.RejectReason = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "REJECT_REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "REJECT_REASON_MALFORMED"] = 1;
            values[valuesById[2] = "REJECT_REASON_COORDINATES_OUT_OF_RANGE"] = 2;
            values[valuesById[3] = "REJECT_REASON_ZERO_FIX"] = 3;
            values[valuesById[4] = "REJECT_REASON_FUTURE_TIME"] = 4;
            values[valuesById[5] = "REJECT_REASON_SPEED_OUT_OF_RANGE"] = 5;
            values[valuesById[6] = "REJECT_REASON_UNKNOWN_PLATE_COLOR"] = 6;
            values[valuesById[7] = "REJECT_REASON_INVALID_PLATE"] = 7;
            values[valuesById[8] = "REJECT_REASON_INVALID_TIME"] = 8;
            values[valuesById[9] = "REJECT_REASON_INVALID_HEADING"] = 9;
            values[valuesById[10] = "REJECT_REASON_BATCH_TOO_LARGE"] = 10;
            return values;
        })();

        v1.RejectedPosition = (function() {

            /**
             * Properties of a RejectedPosition.
             * @typedef {Object} safewatch.v1.RejectedPosition.$Properties
             * @property {safewatch.v1.RejectReason|null} [reason] RejectedPosition reason
             * @property {string|null} [detail] RejectedPosition detail
             * @property {Uint8Array|null} [original] RejectedPosition original
             * @property {string|null} [platformId] RejectedPosition platformId
             * @property {string|null} [batchId] RejectedPosition batchId
             * @property {number|null} [indexInBatch] RejectedPosition indexInBatch
             * @property {string|null} [sourceTopic] RejectedPosition sourceTopic
             * @property {number|null} [sourcePartition] RejectedPosition sourcePartition
             * @property {number|null} [sourceOffset] RejectedPosition sourceOffset
             * @property {number|null} [rejectedAtMs] RejectedPosition rejectedAtMs
             * @property {string|null} [plateNumber] RejectedPosition plateNumber
             * @property {safewatch.v1.PlateColor|null} [plateColor] RejectedPosition plateColor
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RejectedPosition.
             * @memberof safewatch.v1
             * @interface IRejectedPosition
             * @augments safewatch.v1.RejectedPosition.$Properties
             * @deprecated Use safewatch.v1.RejectedPosition.$Properties instead.
             */

            /**
             * Shape of a RejectedPosition.
             * @typedef {safewatch.v1.RejectedPosition.$Properties} safewatch.v1.RejectedPosition.$Shape
             */

            /**
             * Constructs a new RejectedPosition.
             * @memberof safewatch.v1
             * @classdesc Represents a RejectedPosition.
             * @constructor
             * @param {safewatch.v1.RejectedPosition.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RejectedPosition = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RejectedPosition reason.
             * @member {safewatch.v1.RejectReason} reason
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.reason = 0;

            /**
             * RejectedPosition detail.
             * @member {string} detail
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.detail = "";

            /**
             * RejectedPosition original.
             * @member {Uint8Array} original
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.original = $util.newBuffer([]);

            /**
             * RejectedPosition platformId.
             * @member {string} platformId
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.platformId = "";

            /**
             * RejectedPosition batchId.
             * @member {string} batchId
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.batchId = "";

            /**
             * RejectedPosition indexInBatch.
             * @member {number} indexInBatch
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.indexInBatch = 0;

            /**
             * RejectedPosition sourceTopic.
             * @member {string} sourceTopic
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.sourceTopic = "";

            /**
             * RejectedPosition sourcePartition.
             * @member {number} sourcePartition
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.sourcePartition = 0;

            /**
             * RejectedPosition sourceOffset.
             * @member {number} sourceOffset
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.sourceOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * RejectedPosition rejectedAtMs.
             * @member {number} rejectedAtMs
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.rejectedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * RejectedPosition plateNumber.
             * @member {string} plateNumber
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.plateNumber = "";

            /**
             * RejectedPosition plateColor.
             * @member {safewatch.v1.PlateColor} plateColor
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             */
            RejectedPosition.prototype.plateColor = 0;

            /**
             * Creates a new RejectedPosition instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {safewatch.v1.RejectedPosition.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.RejectedPosition} RejectedPosition instance
             * @type {{
             *   (properties: safewatch.v1.RejectedPosition.$Shape): safewatch.v1.RejectedPosition & safewatch.v1.RejectedPosition.$Shape;
             *   (properties?: safewatch.v1.RejectedPosition.$Properties): safewatch.v1.RejectedPosition;
             * }}
             */
            RejectedPosition.create = function(properties) {
                return new RejectedPosition(properties);
            };

            /**
             * Encodes the specified RejectedPosition message. Does not implicitly {@link safewatch.v1.RejectedPosition.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {safewatch.v1.RejectedPosition.$Properties} m RejectedPosition message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RejectedPosition.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.reason);
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.detail);
                if (m.original != null && $Object.hasOwnProperty.call(m, "original") && m.original.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.original);
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId") && m.platformId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.platformId);
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId") && m.batchId !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.batchId);
                if (m.indexInBatch != null && $Object.hasOwnProperty.call(m, "indexInBatch") && m.indexInBatch !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).sint32(m.indexInBatch);
                if (m.sourceTopic != null && $Object.hasOwnProperty.call(m, "sourceTopic") && m.sourceTopic !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.sourceTopic);
                if (m.sourcePartition != null && $Object.hasOwnProperty.call(m, "sourcePartition") && m.sourcePartition !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).int32(m.sourcePartition);
                if (m.sourceOffset != null && $Object.hasOwnProperty.call(m, "sourceOffset") && (typeof m.sourceOffset === "object" ? m.sourceOffset.low || m.sourceOffset.high : m.sourceOffset !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).int64(m.sourceOffset);
                if (m.rejectedAtMs != null && $Object.hasOwnProperty.call(m, "rejectedAtMs") && (typeof m.rejectedAtMs === "object" ? m.rejectedAtMs.low || m.rejectedAtMs.high : m.rejectedAtMs !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).int64(m.rejectedAtMs);
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber") && m.plateNumber !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.plateNumber);
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor") && m.plateColor !== 0)
                    w.uint32(/* id 12, wireType 0 =*/96).int32(m.plateColor);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified RejectedPosition message, length delimited. Does not implicitly {@link safewatch.v1.RejectedPosition.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {safewatch.v1.RejectedPosition.$Properties} message RejectedPosition message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RejectedPosition.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RejectedPosition message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.RejectedPosition & safewatch.v1.RejectedPosition.$Shape} RejectedPosition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RejectedPosition.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.RejectedPosition();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.detail = v;
                            else
                                delete m.detail;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.original = v;
                            else
                                delete m.original;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.platformId = v;
                            else
                                delete m.platformId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.batchId = v;
                            else
                                delete m.batchId;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.indexInBatch = v;
                            else
                                delete m.indexInBatch;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sourceTopic = v;
                            else
                                delete m.sourceTopic;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.sourcePartition = v;
                            else
                                delete m.sourcePartition;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.sourceOffset = v;
                            else
                                delete m.sourceOffset;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.rejectedAtMs = v;
                            else
                                delete m.rejectedAtMs;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.plateNumber = v;
                            else
                                delete m.plateNumber;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.plateColor = v;
                            else
                                delete m.plateColor;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a RejectedPosition message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.RejectedPosition & safewatch.v1.RejectedPosition.$Shape} RejectedPosition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RejectedPosition.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RejectedPosition message.
             * @function verify
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RejectedPosition.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (typeof m.reason !== "number" || (m.reason | 0) !== m.reason)
                        return "reason: enum value expected";
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    if (!$util.isString(m.detail))
                        return "detail: string expected";
                }
                if (m.original != null && $Object.hasOwnProperty.call(m, "original")) {
                    if (!(m.original && typeof m.original.length === "number" || $util.isString(m.original)))
                        return "original: buffer expected";
                }
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId")) {
                    if (!$util.isString(m.platformId))
                        return "platformId: string expected";
                }
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    if (!$util.isString(m.batchId))
                        return "batchId: string expected";
                }
                if (m.indexInBatch != null && $Object.hasOwnProperty.call(m, "indexInBatch")) {
                    if (!$util.isInteger(m.indexInBatch))
                        return "indexInBatch: integer expected";
                }
                if (m.sourceTopic != null && $Object.hasOwnProperty.call(m, "sourceTopic")) {
                    if (!$util.isString(m.sourceTopic))
                        return "sourceTopic: string expected";
                }
                if (m.sourcePartition != null && $Object.hasOwnProperty.call(m, "sourcePartition")) {
                    if (!$util.isInteger(m.sourcePartition))
                        return "sourcePartition: integer expected";
                }
                if (m.sourceOffset != null && $Object.hasOwnProperty.call(m, "sourceOffset")) {
                    if (!$util.isInteger(m.sourceOffset) && !(m.sourceOffset && $util.isInteger(m.sourceOffset.low) && $util.isInteger(m.sourceOffset.high)))
                        return "sourceOffset: integer|Long expected";
                }
                if (m.rejectedAtMs != null && $Object.hasOwnProperty.call(m, "rejectedAtMs")) {
                    if (!$util.isInteger(m.rejectedAtMs) && !(m.rejectedAtMs && $util.isInteger(m.rejectedAtMs.low) && $util.isInteger(m.rejectedAtMs.high)))
                        return "rejectedAtMs: integer|Long expected";
                }
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber")) {
                    if (!$util.isString(m.plateNumber))
                        return "plateNumber: string expected";
                }
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor")) {
                    if (typeof m.plateColor !== "number" || (m.plateColor | 0) !== m.plateColor)
                        return "plateColor: enum value expected";
                }
                return null;
            };

            /**
             * Creates a RejectedPosition message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.RejectedPosition} RejectedPosition
             */
            RejectedPosition.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.RejectedPosition)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.RejectedPosition: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.RejectedPosition();
                if (d.reason !== 0 && (typeof d.reason !== "string" || $root.safewatch.v1.RejectReason[d.reason] !== 0)) {
                    switch (d.reason) {
                    case "REJECT_REASON_UNSPECIFIED":
                    case 0:
                        m.reason = 0;
                        break;
                    case "REJECT_REASON_MALFORMED":
                    case 1:
                        m.reason = 1;
                        break;
                    case "REJECT_REASON_COORDINATES_OUT_OF_RANGE":
                    case 2:
                        m.reason = 2;
                        break;
                    case "REJECT_REASON_ZERO_FIX":
                    case 3:
                        m.reason = 3;
                        break;
                    case "REJECT_REASON_FUTURE_TIME":
                    case 4:
                        m.reason = 4;
                        break;
                    case "REJECT_REASON_SPEED_OUT_OF_RANGE":
                    case 5:
                        m.reason = 5;
                        break;
                    case "REJECT_REASON_UNKNOWN_PLATE_COLOR":
                    case 6:
                        m.reason = 6;
                        break;
                    case "REJECT_REASON_INVALID_PLATE":
                    case 7:
                        m.reason = 7;
                        break;
                    case "REJECT_REASON_INVALID_TIME":
                    case 8:
                        m.reason = 8;
                        break;
                    case "REJECT_REASON_INVALID_HEADING":
                    case 9:
                        m.reason = 9;
                        break;
                    case "REJECT_REASON_BATCH_TOO_LARGE":
                    case 10:
                        m.reason = 10;
                        break;
                    default:
                        if (typeof d.reason === "number" && (d.reason | 0) === d.reason)
                            m.reason = d.reason;
                    }
                }
                if (d.detail != null) {
                    if (typeof d.detail !== "string" || d.detail.length) {
                        m.detail = $String(d.detail);
                    }
                }
                if (d.original != null) {
                    if (d.original.length) {
                        if (typeof d.original === "string")
                            $util.base64.decode(d.original, m.original = $util.newBuffer($util.base64.length(d.original)), 0);
                        else if (d.original.length >= 0)
                            m.original = d.original;
                    }
                }
                if (d.platformId != null) {
                    if (typeof d.platformId !== "string" || d.platformId.length) {
                        m.platformId = $String(d.platformId);
                    }
                }
                if (d.batchId != null) {
                    if (typeof d.batchId !== "string" || d.batchId.length) {
                        m.batchId = $String(d.batchId);
                    }
                }
                if (d.indexInBatch != null) {
                    if ($Number(d.indexInBatch) !== 0) {
                        m.indexInBatch = d.indexInBatch | 0;
                    }
                }
                if (d.sourceTopic != null) {
                    if (typeof d.sourceTopic !== "string" || d.sourceTopic.length) {
                        m.sourceTopic = $String(d.sourceTopic);
                    }
                }
                if (d.sourcePartition != null) {
                    if ($Number(d.sourcePartition) !== 0) {
                        m.sourcePartition = d.sourcePartition | 0;
                    }
                }
                if (d.sourceOffset != null) {
                    if (typeof d.sourceOffset === "object" ? d.sourceOffset.low || d.sourceOffset.high : $Number(d.sourceOffset) !== 0) {
                        if ($util.Long)
                            m.sourceOffset = $util.Long.fromValue(d.sourceOffset, false);
                        else if (typeof d.sourceOffset === "string")
                            m.sourceOffset = $parseInt(d.sourceOffset, 10);
                        else if (typeof d.sourceOffset === "number")
                            m.sourceOffset = d.sourceOffset;
                        else if (typeof d.sourceOffset === "object")
                            m.sourceOffset = new $util.LongBits(d.sourceOffset.low >>> 0, d.sourceOffset.high >>> 0).toNumber();
                    }
                }
                if (d.rejectedAtMs != null) {
                    if (typeof d.rejectedAtMs === "object" ? d.rejectedAtMs.low || d.rejectedAtMs.high : $Number(d.rejectedAtMs) !== 0) {
                        if ($util.Long)
                            m.rejectedAtMs = $util.Long.fromValue(d.rejectedAtMs, false);
                        else if (typeof d.rejectedAtMs === "string")
                            m.rejectedAtMs = $parseInt(d.rejectedAtMs, 10);
                        else if (typeof d.rejectedAtMs === "number")
                            m.rejectedAtMs = d.rejectedAtMs;
                        else if (typeof d.rejectedAtMs === "object")
                            m.rejectedAtMs = new $util.LongBits(d.rejectedAtMs.low >>> 0, d.rejectedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.plateNumber != null) {
                    if (typeof d.plateNumber !== "string" || d.plateNumber.length) {
                        m.plateNumber = $String(d.plateNumber);
                    }
                }
                if (d.plateColor !== 0 && (typeof d.plateColor !== "string" || $root.safewatch.v1.PlateColor[d.plateColor] !== 0)) {
                    switch (d.plateColor) {
                    case "PLATE_COLOR_UNSPECIFIED":
                    case 0:
                        m.plateColor = 0;
                        break;
                    case "PLATE_COLOR_BLUE":
                    case 1:
                        m.plateColor = 1;
                        break;
                    case "PLATE_COLOR_YELLOW":
                    case 2:
                        m.plateColor = 2;
                        break;
                    case "PLATE_COLOR_BLACK":
                    case 3:
                        m.plateColor = 3;
                        break;
                    case "PLATE_COLOR_WHITE":
                    case 4:
                        m.plateColor = 4;
                        break;
                    case "PLATE_COLOR_GREEN":
                    case 5:
                        m.plateColor = 5;
                        break;
                    case "PLATE_COLOR_OTHER":
                    case 9:
                        m.plateColor = 9;
                        break;
                    case "PLATE_COLOR_FARM_YELLOW":
                    case 91:
                        m.plateColor = 91;
                        break;
                    case "PLATE_COLOR_FARM_GREEN":
                    case 92:
                        m.plateColor = 92;
                        break;
                    case "PLATE_COLOR_YELLOW_GREEN":
                    case 93:
                        m.plateColor = 93;
                        break;
                    case "PLATE_COLOR_GRADIENT_GREEN":
                    case 94:
                        m.plateColor = 94;
                        break;
                    default:
                        if (typeof d.plateColor === "number" && (d.plateColor | 0) === d.plateColor)
                            m.plateColor = d.plateColor;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a RejectedPosition message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {safewatch.v1.RejectedPosition} m RejectedPosition
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RejectedPosition.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.reason = o.enums === $String ? "REJECT_REASON_UNSPECIFIED" : 0;
                    d.detail = "";
                    if (o.bytes === $String)
                        d.original = "";
                    else {
                        d.original = [];
                        if (o.bytes !== $Array)
                            d.original = $util.newBuffer(d.original);
                    }
                    d.platformId = "";
                    d.batchId = "";
                    d.indexInBatch = 0;
                    d.sourceTopic = "";
                    d.sourcePartition = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sourceOffset = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sourceOffset = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.rejectedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.rejectedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.plateNumber = "";
                    d.plateColor = o.enums === $String ? "PLATE_COLOR_UNSPECIFIED" : 0;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = o.enums === $String ? $root.safewatch.v1.RejectReason[m.reason] === $undefined ? m.reason : $root.safewatch.v1.RejectReason[m.reason] : m.reason;
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    d.detail = m.detail;
                }
                if (m.original != null && $Object.hasOwnProperty.call(m, "original")) {
                    d.original = o.bytes === $String ? $util.base64.encode(m.original, 0, m.original.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.original) : m.original;
                }
                if (m.platformId != null && $Object.hasOwnProperty.call(m, "platformId")) {
                    d.platformId = m.platformId;
                }
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    d.batchId = m.batchId;
                }
                if (m.indexInBatch != null && $Object.hasOwnProperty.call(m, "indexInBatch")) {
                    d.indexInBatch = m.indexInBatch;
                }
                if (m.sourceTopic != null && $Object.hasOwnProperty.call(m, "sourceTopic")) {
                    d.sourceTopic = m.sourceTopic;
                }
                if (m.sourcePartition != null && $Object.hasOwnProperty.call(m, "sourcePartition")) {
                    d.sourcePartition = m.sourcePartition;
                }
                if (m.sourceOffset != null && $Object.hasOwnProperty.call(m, "sourceOffset")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sourceOffset = typeof m.sourceOffset === "number" ? $BigInt(m.sourceOffset) : $util.Long.fromBits(m.sourceOffset.low >>> 0, m.sourceOffset.high >>> 0, false).toBigInt();
                    else if (typeof m.sourceOffset === "number")
                        d.sourceOffset = o.longs === $String ? $String(m.sourceOffset) : m.sourceOffset;
                    else
                        d.sourceOffset = o.longs === $String ? $util.Long.prototype.toString.call(m.sourceOffset) : o.longs === $Number ? new $util.LongBits(m.sourceOffset.low >>> 0, m.sourceOffset.high >>> 0).toNumber() : m.sourceOffset;
                }
                if (m.rejectedAtMs != null && $Object.hasOwnProperty.call(m, "rejectedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.rejectedAtMs = typeof m.rejectedAtMs === "number" ? $BigInt(m.rejectedAtMs) : $util.Long.fromBits(m.rejectedAtMs.low >>> 0, m.rejectedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.rejectedAtMs === "number")
                        d.rejectedAtMs = o.longs === $String ? $String(m.rejectedAtMs) : m.rejectedAtMs;
                    else
                        d.rejectedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.rejectedAtMs) : o.longs === $Number ? new $util.LongBits(m.rejectedAtMs.low >>> 0, m.rejectedAtMs.high >>> 0).toNumber() : m.rejectedAtMs;
                }
                if (m.plateNumber != null && $Object.hasOwnProperty.call(m, "plateNumber")) {
                    d.plateNumber = m.plateNumber;
                }
                if (m.plateColor != null && $Object.hasOwnProperty.call(m, "plateColor")) {
                    d.plateColor = o.enums === $String ? $root.safewatch.v1.PlateColor[m.plateColor] === $undefined ? m.plateColor : $root.safewatch.v1.PlateColor[m.plateColor] : m.plateColor;
                }
                return d;
            };

            /**
             * Converts this RejectedPosition to JSON.
             * @function toJSON
             * @memberof safewatch.v1.RejectedPosition
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RejectedPosition.prototype.toJSON = function() {
                return RejectedPosition.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RejectedPosition
             * @function getTypeUrl
             * @memberof safewatch.v1.RejectedPosition
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RejectedPosition.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.RejectedPosition";
            };

            return RejectedPosition;
        })();

        /**
         * ShareDuration enum.
         * @name safewatch.v1.ShareDuration
         * @enum {number}
         * @property {number} SHARE_DURATION_UNSPECIFIED=0 SHARE_DURATION_UNSPECIFIED value
         * @property {number} SHARE_DURATION_3_DAYS=1 SHARE_DURATION_3_DAYS value
         * @property {number} SHARE_DURATION_7_DAYS=2 SHARE_DURATION_7_DAYS value
         * @property {number} SHARE_DURATION_1_MONTH=3 SHARE_DURATION_1_MONTH value
         * @property {number} SHARE_DURATION_1_YEAR=4 SHARE_DURATION_1_YEAR value
         */
        v1.ShareDuration = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SHARE_DURATION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SHARE_DURATION_3_DAYS"] = 1;
            values[valuesById[2] = "SHARE_DURATION_7_DAYS"] = 2;
            values[valuesById[3] = "SHARE_DURATION_1_MONTH"] = 3;
            values[valuesById[4] = "SHARE_DURATION_1_YEAR"] = 4;
            return values;
        })();

        /**
         * ShareEventType enum.
         * @name safewatch.v1.ShareEventType
         * @enum {number}
         * @property {number} SHARE_EVENT_TYPE_UNSPECIFIED=0 SHARE_EVENT_TYPE_UNSPECIFIED value
         * @property {number} SHARE_EVENT_TYPE_CREATED=1 SHARE_EVENT_TYPE_CREATED value
         * @property {number} SHARE_EVENT_TYPE_CLAIMED=2 SHARE_EVENT_TYPE_CLAIMED value
         * @property {number} SHARE_EVENT_TYPE_VIEWED=3 SHARE_EVENT_TYPE_VIEWED value
         * @property {number} SHARE_EVENT_TYPE_CANCELLED=4 SHARE_EVENT_TYPE_CANCELLED value
         * @property {number} SHARE_EVENT_TYPE_EXPIRED=5 SHARE_EVENT_TYPE_EXPIRED value
         * @property {number} SHARE_EVENT_TYPE_ENDED_BY_UNBIND=6 SHARE_EVENT_TYPE_ENDED_BY_UNBIND value
         */
        v1.ShareEventType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SHARE_EVENT_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SHARE_EVENT_TYPE_CREATED"] = 1;
            values[valuesById[2] = "SHARE_EVENT_TYPE_CLAIMED"] = 2;
            values[valuesById[3] = "SHARE_EVENT_TYPE_VIEWED"] = 3;
            values[valuesById[4] = "SHARE_EVENT_TYPE_CANCELLED"] = 4;
            values[valuesById[5] = "SHARE_EVENT_TYPE_EXPIRED"] = 5;
            values[valuesById[6] = "SHARE_EVENT_TYPE_ENDED_BY_UNBIND"] = 6;
            return values;
        })();

        v1.ShareEvent = (function() {

            /**
             * Properties of a ShareEvent.
             * @typedef {Object} safewatch.v1.ShareEvent.$Properties
             * @property {string|null} [eventId] ShareEvent eventId
             * @property {safewatch.v1.ShareEventType|null} [type] ShareEvent type
             * @property {string|null} [shareId] ShareEvent shareId
             * @property {safewatch.v1.VehicleRef.$Properties|null} [vehicle] ShareEvent vehicle
             * @property {string|null} [driverId] ShareEvent driverId
             * @property {string|null} [viewerId] ShareEvent viewerId
             * @property {safewatch.v1.ShareDuration|null} [duration] ShareEvent duration
             * @property {number|null} [expiresAtMs] ShareEvent expiresAtMs
             * @property {number|null} [occurredAtMs] ShareEvent occurredAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ShareEvent.
             * @memberof safewatch.v1
             * @interface IShareEvent
             * @augments safewatch.v1.ShareEvent.$Properties
             * @deprecated Use safewatch.v1.ShareEvent.$Properties instead.
             */

            /**
             * Shape of a ShareEvent.
             * @typedef {safewatch.v1.ShareEvent.$Properties} safewatch.v1.ShareEvent.$Shape
             */

            /**
             * Constructs a new ShareEvent.
             * @memberof safewatch.v1
             * @classdesc Represents a ShareEvent.
             * @constructor
             * @param {safewatch.v1.ShareEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ShareEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ShareEvent eventId.
             * @member {string} eventId
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.eventId = "";

            /**
             * ShareEvent type.
             * @member {safewatch.v1.ShareEventType} type
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.type = 0;

            /**
             * ShareEvent shareId.
             * @member {string} shareId
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.shareId = "";

            /**
             * ShareEvent vehicle.
             * @member {safewatch.v1.VehicleRef.$Properties|null|undefined} vehicle
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.vehicle = null;

            /**
             * ShareEvent driverId.
             * @member {string} driverId
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.driverId = "";

            /**
             * ShareEvent viewerId.
             * @member {string} viewerId
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.viewerId = "";

            /**
             * ShareEvent duration.
             * @member {safewatch.v1.ShareDuration} duration
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.duration = 0;

            /**
             * ShareEvent expiresAtMs.
             * @member {number} expiresAtMs
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ShareEvent occurredAtMs.
             * @member {number} occurredAtMs
             * @memberof safewatch.v1.ShareEvent
             * @instance
             */
            ShareEvent.prototype.occurredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new ShareEvent instance using the specified properties.
             * @function create
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {safewatch.v1.ShareEvent.$Properties=} [properties] Properties to set
             * @returns {safewatch.v1.ShareEvent} ShareEvent instance
             * @type {{
             *   (properties: safewatch.v1.ShareEvent.$Shape): safewatch.v1.ShareEvent & safewatch.v1.ShareEvent.$Shape;
             *   (properties?: safewatch.v1.ShareEvent.$Properties): safewatch.v1.ShareEvent;
             * }}
             */
            ShareEvent.create = function(properties) {
                return new ShareEvent(properties);
            };

            /**
             * Encodes the specified ShareEvent message. Does not implicitly {@link safewatch.v1.ShareEvent.verify|verify} messages.
             * @function encode
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {safewatch.v1.ShareEvent.$Properties} m ShareEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ShareEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId") && m.eventId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.eventId);
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.type);
                if (m.shareId != null && $Object.hasOwnProperty.call(m, "shareId") && m.shareId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.shareId);
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle"))
                    $root.safewatch.v1.VehicleRef.encode(m.vehicle, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId") && m.driverId !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.driverId);
                if (m.viewerId != null && $Object.hasOwnProperty.call(m, "viewerId") && m.viewerId !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.viewerId);
                if (m.duration != null && $Object.hasOwnProperty.call(m, "duration") && m.duration !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).int32(m.duration);
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs") && (typeof m.expiresAtMs === "object" ? m.expiresAtMs.low || m.expiresAtMs.high : m.expiresAtMs !== 0))
                    w.uint32(/* id 8, wireType 0 =*/64).int64(m.expiresAtMs);
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs") && (typeof m.occurredAtMs === "object" ? m.occurredAtMs.low || m.occurredAtMs.high : m.occurredAtMs !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).int64(m.occurredAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ShareEvent message, length delimited. Does not implicitly {@link safewatch.v1.ShareEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {safewatch.v1.ShareEvent.$Properties} message ShareEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ShareEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ShareEvent message from the specified reader or buffer.
             * @function decode
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {safewatch.v1.ShareEvent & safewatch.v1.ShareEvent.$Shape} ShareEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ShareEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.safewatch.v1.ShareEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.eventId = v;
                            else
                                delete m.eventId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.shareId = v;
                            else
                                delete m.shareId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.vehicle = $root.safewatch.v1.VehicleRef.decode(r, r.size(), $undefined, q + 1, m.vehicle);
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.driverId = v;
                            else
                                delete m.driverId;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.viewerId = v;
                            else
                                delete m.viewerId;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.duration = v;
                            else
                                delete m.duration;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresAtMs = v;
                            else
                                delete m.expiresAtMs;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.occurredAtMs = v;
                            else
                                delete m.occurredAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a ShareEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {safewatch.v1.ShareEvent & safewatch.v1.ShareEvent.$Shape} ShareEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ShareEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ShareEvent message.
             * @function verify
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ShareEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId")) {
                    if (!$util.isString(m.eventId))
                        return "eventId: string expected";
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    if (typeof m.type !== "number" || (m.type | 0) !== m.type)
                        return "type: enum value expected";
                }
                if (m.shareId != null && $Object.hasOwnProperty.call(m, "shareId")) {
                    if (!$util.isString(m.shareId))
                        return "shareId: string expected";
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    {
                        var e = $root.safewatch.v1.VehicleRef.verify(m.vehicle, q + 1);
                        if (e)
                            return "vehicle." + e;
                    }
                }
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId")) {
                    if (!$util.isString(m.driverId))
                        return "driverId: string expected";
                }
                if (m.viewerId != null && $Object.hasOwnProperty.call(m, "viewerId")) {
                    if (!$util.isString(m.viewerId))
                        return "viewerId: string expected";
                }
                if (m.duration != null && $Object.hasOwnProperty.call(m, "duration")) {
                    if (typeof m.duration !== "number" || (m.duration | 0) !== m.duration)
                        return "duration: enum value expected";
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (!$util.isInteger(m.expiresAtMs) && !(m.expiresAtMs && $util.isInteger(m.expiresAtMs.low) && $util.isInteger(m.expiresAtMs.high)))
                        return "expiresAtMs: integer|Long expected";
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (!$util.isInteger(m.occurredAtMs) && !(m.occurredAtMs && $util.isInteger(m.occurredAtMs.low) && $util.isInteger(m.occurredAtMs.high)))
                        return "occurredAtMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a ShareEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {safewatch.v1.ShareEvent} ShareEvent
             */
            ShareEvent.fromObject = function (d, q) {
                if (d instanceof $root.safewatch.v1.ShareEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".safewatch.v1.ShareEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.safewatch.v1.ShareEvent();
                if (d.eventId != null) {
                    if (typeof d.eventId !== "string" || d.eventId.length) {
                        m.eventId = $String(d.eventId);
                    }
                }
                if (d.type !== 0 && (typeof d.type !== "string" || $root.safewatch.v1.ShareEventType[d.type] !== 0)) {
                    switch (d.type) {
                    case "SHARE_EVENT_TYPE_UNSPECIFIED":
                    case 0:
                        m.type = 0;
                        break;
                    case "SHARE_EVENT_TYPE_CREATED":
                    case 1:
                        m.type = 1;
                        break;
                    case "SHARE_EVENT_TYPE_CLAIMED":
                    case 2:
                        m.type = 2;
                        break;
                    case "SHARE_EVENT_TYPE_VIEWED":
                    case 3:
                        m.type = 3;
                        break;
                    case "SHARE_EVENT_TYPE_CANCELLED":
                    case 4:
                        m.type = 4;
                        break;
                    case "SHARE_EVENT_TYPE_EXPIRED":
                    case 5:
                        m.type = 5;
                        break;
                    case "SHARE_EVENT_TYPE_ENDED_BY_UNBIND":
                    case 6:
                        m.type = 6;
                        break;
                    default:
                        if (typeof d.type === "number" && (d.type | 0) === d.type)
                            m.type = d.type;
                    }
                }
                if (d.shareId != null) {
                    if (typeof d.shareId !== "string" || d.shareId.length) {
                        m.shareId = $String(d.shareId);
                    }
                }
                if (d.vehicle != null) {
                    if (!$util.isObject(d.vehicle))
                        throw $TypeError(".safewatch.v1.ShareEvent.vehicle: object expected");
                    m.vehicle = $root.safewatch.v1.VehicleRef.fromObject(d.vehicle, q + 1);
                }
                if (d.driverId != null) {
                    if (typeof d.driverId !== "string" || d.driverId.length) {
                        m.driverId = $String(d.driverId);
                    }
                }
                if (d.viewerId != null) {
                    if (typeof d.viewerId !== "string" || d.viewerId.length) {
                        m.viewerId = $String(d.viewerId);
                    }
                }
                if (d.duration !== 0 && (typeof d.duration !== "string" || $root.safewatch.v1.ShareDuration[d.duration] !== 0)) {
                    switch (d.duration) {
                    case "SHARE_DURATION_UNSPECIFIED":
                    case 0:
                        m.duration = 0;
                        break;
                    case "SHARE_DURATION_3_DAYS":
                    case 1:
                        m.duration = 1;
                        break;
                    case "SHARE_DURATION_7_DAYS":
                    case 2:
                        m.duration = 2;
                        break;
                    case "SHARE_DURATION_1_MONTH":
                    case 3:
                        m.duration = 3;
                        break;
                    case "SHARE_DURATION_1_YEAR":
                    case 4:
                        m.duration = 4;
                        break;
                    default:
                        if (typeof d.duration === "number" && (d.duration | 0) === d.duration)
                            m.duration = d.duration;
                    }
                }
                if (d.expiresAtMs != null) {
                    if (typeof d.expiresAtMs === "object" ? d.expiresAtMs.low || d.expiresAtMs.high : $Number(d.expiresAtMs) !== 0) {
                        if ($util.Long)
                            m.expiresAtMs = $util.Long.fromValue(d.expiresAtMs, false);
                        else if (typeof d.expiresAtMs === "string")
                            m.expiresAtMs = $parseInt(d.expiresAtMs, 10);
                        else if (typeof d.expiresAtMs === "number")
                            m.expiresAtMs = d.expiresAtMs;
                        else if (typeof d.expiresAtMs === "object")
                            m.expiresAtMs = new $util.LongBits(d.expiresAtMs.low >>> 0, d.expiresAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.occurredAtMs != null) {
                    if (typeof d.occurredAtMs === "object" ? d.occurredAtMs.low || d.occurredAtMs.high : $Number(d.occurredAtMs) !== 0) {
                        if ($util.Long)
                            m.occurredAtMs = $util.Long.fromValue(d.occurredAtMs, false);
                        else if (typeof d.occurredAtMs === "string")
                            m.occurredAtMs = $parseInt(d.occurredAtMs, 10);
                        else if (typeof d.occurredAtMs === "number")
                            m.occurredAtMs = d.occurredAtMs;
                        else if (typeof d.occurredAtMs === "object")
                            m.occurredAtMs = new $util.LongBits(d.occurredAtMs.low >>> 0, d.occurredAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ShareEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {safewatch.v1.ShareEvent} m ShareEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ShareEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.eventId = "";
                    d.type = o.enums === $String ? "SHARE_EVENT_TYPE_UNSPECIFIED" : 0;
                    d.shareId = "";
                    d.vehicle = null;
                    d.driverId = "";
                    d.viewerId = "";
                    d.duration = o.enums === $String ? "SHARE_DURATION_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.occurredAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.occurredAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.eventId != null && $Object.hasOwnProperty.call(m, "eventId")) {
                    d.eventId = m.eventId;
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = o.enums === $String ? $root.safewatch.v1.ShareEventType[m.type] === $undefined ? m.type : $root.safewatch.v1.ShareEventType[m.type] : m.type;
                }
                if (m.shareId != null && $Object.hasOwnProperty.call(m, "shareId")) {
                    d.shareId = m.shareId;
                }
                if (m.vehicle != null && $Object.hasOwnProperty.call(m, "vehicle")) {
                    d.vehicle = $root.safewatch.v1.VehicleRef.toObject(m.vehicle, o, q + 1);
                }
                if (m.driverId != null && $Object.hasOwnProperty.call(m, "driverId")) {
                    d.driverId = m.driverId;
                }
                if (m.viewerId != null && $Object.hasOwnProperty.call(m, "viewerId")) {
                    d.viewerId = m.viewerId;
                }
                if (m.duration != null && $Object.hasOwnProperty.call(m, "duration")) {
                    d.duration = o.enums === $String ? $root.safewatch.v1.ShareDuration[m.duration] === $undefined ? m.duration : $root.safewatch.v1.ShareDuration[m.duration] : m.duration;
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresAtMs = typeof m.expiresAtMs === "number" ? $BigInt(m.expiresAtMs) : $util.Long.fromBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresAtMs === "number")
                        d.expiresAtMs = o.longs === $String ? $String(m.expiresAtMs) : m.expiresAtMs;
                    else
                        d.expiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresAtMs) : o.longs === $Number ? new $util.LongBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0).toNumber() : m.expiresAtMs;
                }
                if (m.occurredAtMs != null && $Object.hasOwnProperty.call(m, "occurredAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.occurredAtMs = typeof m.occurredAtMs === "number" ? $BigInt(m.occurredAtMs) : $util.Long.fromBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.occurredAtMs === "number")
                        d.occurredAtMs = o.longs === $String ? $String(m.occurredAtMs) : m.occurredAtMs;
                    else
                        d.occurredAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.occurredAtMs) : o.longs === $Number ? new $util.LongBits(m.occurredAtMs.low >>> 0, m.occurredAtMs.high >>> 0).toNumber() : m.occurredAtMs;
                }
                return d;
            };

            /**
             * Converts this ShareEvent to JSON.
             * @function toJSON
             * @memberof safewatch.v1.ShareEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ShareEvent.prototype.toJSON = function() {
                return ShareEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ShareEvent
             * @function getTypeUrl
             * @memberof safewatch.v1.ShareEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ShareEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/safewatch.v1.ShareEvent";
            };

            return ShareEvent;
        })();

        return v1;
    })();

    return safewatch;
})();

export {
  $root as default
};

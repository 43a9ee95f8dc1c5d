/**
 * Generated protobuf code for every Safe Watch message (see proto/). Regenerate
 * with `npm run proto:gen`; CI fails when it is stale.
 */
import './configure.js';
import { safewatch } from './generated/safewatch.js';

export { safewatch };
export const pb = safewatch.v1;
export { default as protobuf } from 'protobufjs/minimal.js';

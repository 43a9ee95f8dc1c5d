/**
 * The share service's public entry `@safewatch/share/notify`: what the rest
 * of the repository may use of its family notifications (X8). `npm start`
 * makes the demo's Web Push key pair with it.
 */
export { generateVapidKeys } from './adapters/webpush.sender.js';

import { errorEnvelope } from './envelope';

/** Every route may answer the error envelope; listing it documents it in /openapi.json. */
export const errorResponses = { '4xx': errorEnvelope, '5xx': errorEnvelope };

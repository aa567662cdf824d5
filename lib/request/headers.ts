// Headers the server entry sets on every request (dropping any a client sent), so they cannot be forged.
export const REQUEST_ID_HEADER = "x-request-id";
export const CLIENT_IP_HEADER = "x-console-client-ip";

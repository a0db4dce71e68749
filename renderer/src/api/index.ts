export { ApiError, toApiError } from './ApiError';
export { call, lastSessionActivity, onSessionExpired, type CallOptions } from './client';
export { getToken, setToken } from './token';
export { subscribe } from './subscribe';
export { useApi } from './useApi';
export { printDocument, printViewHash } from './print';
export { electronBridge } from './bridge';

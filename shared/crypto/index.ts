export * from './bytes';
export * from './envelope';
export * from './kdf';
export * from './vault-keys';
export * from './recovery-key';
export * from './blind-index';

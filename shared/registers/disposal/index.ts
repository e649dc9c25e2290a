/** The device-disposal log (自律規範第四條第六款): records, flags, import and finding drafts. */
export * from './disposal';
export * from './finding-draft';
export * from './flags';
export * from './import';

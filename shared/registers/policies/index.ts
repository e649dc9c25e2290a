/** Policy reviews for 自律規範 arts. 5–7 (mobile devices and BYOD, social media, cloud services). */
export * from './finding-draft';
export * from './review';
export * from './templates';

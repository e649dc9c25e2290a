/** Inspection domain: checklist results, findings, sign-off checks, systems, drills, sampling. */
export * from './calendar';
export * from './completeness';
export * from './findings';
export * from './results';
export * from './sampling';
export * from './systems';
export * from './text';

/** The parsing core of the import (issue 4): bytes → rows of text → checked values. */
export * from './checked-zip';
export * from './columns';
export * from './csv';
export * from './encoding';
export * from './errors';
export * from './fields';
export * from './format';
export * from './limits';
export * from './mapping';
export * from './row-key';
export * from './table';
export * from './values';
export * from './xlsx-read';

export {};
export * from './autofill/index.ts';

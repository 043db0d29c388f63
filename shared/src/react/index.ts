export {};
export * from './FormView.tsx';

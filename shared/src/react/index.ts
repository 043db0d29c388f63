export {};
export * from './FormView.tsx';
export * from './RecordList.tsx';

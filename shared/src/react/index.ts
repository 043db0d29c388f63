export {};
export * from './FormView.tsx';
export * from './RecordList.tsx';
export * from './DateInput.tsx';
export * from './FileButton.tsx';

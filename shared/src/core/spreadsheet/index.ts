export * from './table.ts';
export * from './import.ts';
export * from './csv.ts';
export * from './workbook.ts';

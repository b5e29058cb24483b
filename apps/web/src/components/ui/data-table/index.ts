export { DataTable } from './data-table';
export type { DataTableProps } from './data-table';
export { ColumnsMenu } from './columns-menu';
export { useDataTable } from './use-data-table';
export type { DataTableInstance, UseDataTableOptions } from './use-data-table';
export { dataTableFeatures } from './features';
export type { DataColumn, DataColumnMeta } from './features';

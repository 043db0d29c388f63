/**
 * FormView styles. The form is a size container: below 560 px (a 360–420 px side panel) labels
 * sit above their controls and table rows become stacked cards with the column name beside each
 * cell; wider (a full page) labels sit beside controls and tables are tables.
 */
export const FORM_CSS = `
.lvz-form{container-type:inline-size;font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;max-width:960px;margin:0 auto;padding:8px;box-sizing:border-box}
.lvz-form *{box-sizing:border-box}
.lvz-title{font-size:18px;margin:4px 0 12px}
.lvz-section{border:1px solid #d0d7de;border-radius:8px;margin:0 0 12px;padding:8px 12px 12px;min-width:0;content-visibility:auto;contain-intrinsic-size:auto 480px}
.lvz-section>legend{font-weight:600;padding:0 4px}
.lvz-field{display:grid;grid-template-columns:8em minmax(0,1fr);gap:4px 12px;align-items:start;padding:6px 0}
.lvz-label{font-weight:500;padding-top:5px}
.lvz-field>*{min-width:0}.lvz-field>input[type=checkbox]{justify-self:start;margin-top:8px}
.lvz-help,.lvz-error{grid-column:2;margin:0;font-size:12px}
.lvz-help{color:#57606a}
.lvz-error{color:#cf222e}
.lvz-req{color:#cf222e}
.lvz-form input[type=text],.lvz-form input[type=tel],.lvz-form input[type=date],.lvz-form input[type=datetime-local],.lvz-form input:not([type]),.lvz-form select,.lvz-form textarea{width:100%;min-height:32px;padding:4px 8px;border:1px solid #8c959f;border-radius:6px;font:inherit;background:#fff}
.lvz-form [aria-invalid=true]{border-color:#cf222e;outline-color:#cf222e}
.lvz-form :focus-visible{outline:2px solid #0969da;outline-offset:1px}
.lvz-form button{font:inherit;min-height:28px;padding:2px 10px;border:1px solid #8c959f;border-radius:6px;background:#f6f8fa;cursor:pointer}
.lvz-choices{display:flex;flex-wrap:wrap;gap:4px 14px;padding-top:5px}
.lvz-choice{display:inline-flex;gap:4px;align-items:center}
.lvz-number{display:flex;gap:6px;align-items:center}.lvz-form .lvz-num{max-width:12em}
.lvz-unit,.lvz-sub,.lvz-count{color:#57606a;font-size:12px}
.lvz-sub{margin-left:8px}
.lvz-combo{position:relative}
.lvz-options{position:absolute;z-index:10;left:0;right:0;margin:2px 0 0;padding:4px 0;list-style:none;background:#fff;border:1px solid #8c959f;border-radius:6px;box-shadow:0 4px 12px rgba(0,0,0,.12);max-height:240px;overflow:auto}
.lvz-options li{padding:4px 10px;cursor:pointer}.lvz-options li[aria-selected=true]{background:#ddf4ff}
.lvz-nomatch{color:#57606a}
.lvz-chips{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0 0 4px;padding:0}
.lvz-chip{display:inline-flex;align-items:center;gap:2px;background:#ddf4ff;border-radius:12px;padding:0 4px 0 10px}
.lvz-chip button{border:0;background:none;min-height:0;padding:0 4px}
.lvz-table{overflow-x:auto}
.lvz-table table,.lvz-matrix table{border-collapse:collapse;width:100%}
.lvz-table th,.lvz-table td,.lvz-matrix th,.lvz-matrix td{border:1px solid #d0d7de;padding:4px;vertical-align:top;text-align:left}
.lvz-matrix td{text-align:center}
.lvz-rownum{width:2.5em;color:#57606a}
.lvz-rowactions{white-space:nowrap;width:1%}.lvz-rowactions button{padding:0 6px;margin-right:2px}
.lvz-add{margin-top:6px}
.lvz-empty{color:#57606a;text-align:center}
.lvz-pad{width:100%;max-width:420px;height:120px;border:1px dashed #8c959f;border-radius:6px;touch-action:none;background:#fff;display:block}
.lvz-signature img{max-width:240px;max-height:96px;border-bottom:1px solid #8c959f}
.lvz-signature figure{margin:0}.lvz-signature figcaption{font-size:12px;color:#57606a}
.lvz-actions{margin-top:4px;display:flex;gap:6px}
.lvz-thumb{max-width:64px;max-height:64px;vertical-align:middle;margin-right:6px}
.lvz-files ul{list-style:none;margin:0;padding:0}
.lvz-date-problem{display:block;color:#b42318;font-size:12px;margin-top:2px}
.lvz-computed{display:inline-block;padding-top:5px;font-weight:600}
.lvz-static p{margin:0;white-space:pre-wrap}
.lvz-attic{border:1px dashed #bf8700;border-radius:8px;padding:8px 12px;background:#fff8c5}
.lvz-attic h3{font-size:14px;margin:0 0 6px}.lvz-attic dt{font-weight:600}.lvz-attic dd{margin:0 0 6px}
.lvz-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@container (max-width:560px){
  .lvz-field{grid-template-columns:minmax(0,1fr)}
  .lvz-help,.lvz-error{grid-column:1}
  .lvz-label{padding-top:0}
  .lvz-table{overflow:visible}
  .lvz-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  .lvz-table table,.lvz-table tbody,.lvz-table tr,.lvz-table td,.lvz-table th{display:block;width:100%;border:0}
  .lvz-table tbody tr{border:1px solid #d0d7de;border-radius:6px;margin-bottom:8px;padding:4px 8px}
  .lvz-table td[data-label]::before{content:attr(data-label);display:block;font-size:12px;color:#57606a}
  .lvz-table .lvz-rownum{font-weight:600}
  .lvz-form .lvz-num{max-width:none}
}
.lvz-layout-panel{max-width:420px}
.lvz-tabs{display:flex;gap:4px;margin-bottom:8px}.lvz-tabs [aria-selected=true]{background:#ddf4ff;border-color:#0969da}
.lvz-filters{display:flex;flex-wrap:wrap;gap:6px;align-items:center}.lvz-filters input[type=search]{flex:1 1 12em;min-height:32px;padding:4px 8px;border:1px solid #8c959f;border-radius:6px;font:inherit}
.lvz-filters select{width:auto}.lvz-form .lvz-filters input[type=date],.lvz-form .lvz-filters input[data-date-input]{width:9em}
.lvz-record-list{list-style:none;margin:0;padding:0}.lvz-record-list li{border-bottom:1px solid #d0d7de;padding:6px 0}
.lvz-record-title{font-weight:600}
`;

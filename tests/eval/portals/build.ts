/**
 * Builds the evaluation portals (tests/eval/README.md) into tests/eval/portals/dist/ (gitignored).
 *
 * - Bundled pages: one esbuild IIFE (+ CSS) per page from src/<page>.ts(x). Every Vue 3 page
 *   is bundled against one copy of Vue (the workspace has two; two copies in one bundle break
 *   reactivity), React pages against the one React.
 * - Script-tag pages: the jQuery page loads jQuery, Bootstrap 4, select2 and bootstrap-select
 *   from their npm packages (copied to dist/vendor); the Element UI 2 page loads Vue 2.7 and
 *   Element UI 2.15 from the npm registry tarballs (`npm pack`, cached in .cache/, gitignored),
 *   as portals of that era did with <script> tags — Vue 2 cannot be installed next to Vue 3.
 *   The Layui page loads layui.js (with its css/ and font/) and the H+-style page jQuery,
 *   Bootstrap 4, iCheck and bootstrap-datetimepicker, all copied from their npm packages. The
 *   JeecgBoot 2.x page loads Vue 2.7, moment and Ant Design Vue 1.7, the .NET OA page jQuery and
 *   DevExtreme 22.2, the last three from registry tarballs too (all copied by tests/harness/vendor.ts).
 *   The RuoYi 单体版 page loads Bootstrap 3, layer 3.5 and zTree v3 from registry tarballs beside the
 *   workspace's jQuery, jQuery Validation, layui (laydate), iCheck and select2; the View Design page
 *   loads Vue 2.7 and View Design 4 (iView 4 for Vue 2) from tarballs; the RuoYi-Vue visit page Vue 2.7,
 *   Element UI 2.15 and @riophae/vue-treeselect 0.4.0 (its UMD build and CSS) from tarballs. The JSP letter page loads
 *   KindEditor 4 (its one-file build, themes, lang and plugins) from the workspace's package.
 *   The VForm 3 page bundles vform3-builds' render build (published as built UMD files only, no
 *   sources) from its registry tarball, extracted in .cache/ and resolved by packedModules().
 * - The TinyMCE page bundles TinyMCE 8 and @tinymce/tinymce-vue; only the skins it loads by URL are
 *   copied (dist/vendor/tinymce/skins).
 * - The amis page bundles amis 6 (its cxd theme CSS and iconfont too); amisDeps() says what it needs.
 * - The ASP.NET page and the wizard are plain files (no bundling needed for the ASP.NET one).
 *
 * `buildEvalPortals()` skips the work when dist/ is newer than every source.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { amisDeps } from '../../harness/amis-esbuild.ts';
import { tarballName, vendorFiles, type VendorSource } from '../../harness/vendor.ts';

export const EVAL_PORTALS_DIR = fileURLToPath(new URL('.', import.meta.url));
export const EVAL_DIST = join(EVAL_PORTALS_DIR, 'dist');
const CACHE = join(EVAL_PORTALS_DIR, '.cache');
const TESTS_DIR = join(EVAL_PORTALS_DIR, '..', '..');
const REPO = join(TESTS_DIR, '..');
const require = createRequire(join(TESTS_DIR, 'package.json'));

export interface EvalPage {
  /** File name of the page (also the expected file's name without .html). */
  id: string;
  page: string;
  library: string;
  /** What the page registers. */
  kind: string;
  /** Source under src/ bundled by esbuild into dist/<id>.js (+ .css); none for script-tag pages. */
  entry?: string;
  /** Viewport for the page (the Vant page is a phone page). */
  viewport?: { width: number; height: number };
}

/** The corpus. Order is the order of the score table. */
export const EVAL_PAGES: readonly EvalPage[] = [
  { id: 'element2-deputy', page: 'element2-deputy.html', library: 'Element UI 2 (Vue 2, script tags)', kind: '代表信息登记' },
  { id: 'antdv-meeting', page: 'antdv-meeting.html', entry: 'antdv-meeting.ts', library: 'Ant Design Vue 4', kind: '会议登记（主席团例会）' },
  { id: 'iview-inspection', page: 'iview-inspection.html', entry: 'iview-inspection.ts', library: 'View UI Plus (iView)', kind: '视察登记' },
  { id: 'tdesign-letter', page: 'tdesign-letter.html', entry: 'tdesign-letter.ts', library: 'TDesign Vue Next', kind: '来信登记' },
  { id: 'arco-suggestion', page: 'arco-suggestion.html', entry: 'arco-suggestion.ts', library: 'Arco Design Vue', kind: '代表建议登记（对话框）' },
  { id: 'naive-appraisal', page: 'naive-appraisal.html', entry: 'naive-appraisal.ts', library: 'Naive UI', kind: '站所工作评议测评' },
  { id: 'vant-visit', page: 'vant-visit.html', entry: 'vant-visit.ts', library: 'Vant 4 (phone page)', kind: '来访登记', viewport: { width: 375, height: 812 } },
  { id: 'fusion-deputy', page: 'fusion-deputy.html', entry: 'fusion-deputy.tsx', library: 'Fusion Next (React 18)', kind: '镇人大代表登记' },
  { id: 'select2-suggestion', page: 'select2-suggestion.html', library: 'jQuery + Bootstrap 4 + select2 + bootstrap-select', kind: '代表建议登记' },
  { id: 'formily-inspection', page: 'formily-inspection.html', entry: 'formily-inspection.tsx', library: 'Formily (JSON schema) on @formily/next', kind: '食品安全执法检查登记' },
  { id: 'formcreate-training', page: 'formcreate-training.html', entry: 'formcreate-training.ts', library: 'form-create JSON rules on Element Plus', kind: '培训会议登记' },
  { id: 'aspnet-deputy', page: 'aspnet-deputy.html', library: 'ASP.NET WebForms style in an iframe (table layout, My97-style date)', kind: '代表信息录入' },
  { id: 'wizard-letter', page: 'wizard-letter.html', library: 'two-step low-code wizard (plain JS: ARIA radiogroup/combobox/switch, shadow DOM, late options)', kind: '来信登记' },
  { id: 'ruoyi-motion', page: 'ruoyi-motion.html', library: 'RuoYi-Vue style admin (Element UI 2 on Vue 2, script tags): 新增 el-dialog over a list', kind: '代表议案登记' },
  { id: 'jeecg-appraisal', page: 'jeecg-appraisal.html', entry: 'jeecg-appraisal.ts', library: 'JeecgBoot style (Ant Design Vue 4): two-column 新增 modal, tree-select, JCheckbox string', kind: '被评议单位测评结果登记' },
  { id: 'jsp-activity', page: 'jsp-activity.html', library: 'JSP-era table page (jQuery + jQuery Validation, jQuery UI datepicker on a read-only Wdate input, checkboxes with bare-text names)', kind: '代表履职（统一活动）登记' },
  { id: 'layui-suggestion', page: 'layui-suggestion.html', library: 'Layui 2 admin (script tags): the add page in a layer.open type 2 iframe over the list, lay-verify rules, lay-search selects, primary checkboxes joined into one string, a switch, laydate', kind: '代表建议登记' },
  { id: 'antd-letter', page: 'antd-letter.html', entry: 'antd-letter.tsx', library: 'antd on React 18 (Ant Design Pro style): Form.List of 同行人员, Cascader of division codes, multiple Select, Checkbox.Group of user ids, Switch, showTime default', kind: '信访事项登记（来访）' },
  { id: 'ruoyi3-inspection', page: 'ruoyi3-inspection.html', entry: 'ruoyi3-inspection.ts', library: 'RuoYi-Vue3 style admin (Element Plus): 新增 el-dialog over the list, dict radios/checkboxes, el-tree-select of the dept tree, datetimerange, multiple select of deputy ids', kind: '代表视察登记' },
  { id: 'hplus-meeting', page: 'hplus-meeting.html', library: 'H+ style jQuery admin (Bootstrap 4, iCheck radios/checkboxes, read-only bootstrap-datetimepicker inputs, a jQuery agenda table, jQuery Validation with H+ defaults)', kind: '会议登记（建议交办会）' },
  { id: 'avue-appraisal', page: 'avue-appraisal.html', entry: 'avue-appraisal.ts', library: 'Avue 3 (@smallwei/avue) on Element Plus, BladeX/Saber3 style: avue-form from option.group[].column, blade dict-biz codes, a dynamic child table, disabled 填报人', kind: '工作评议测评汇总' },
  { id: 'proform-activity', page: 'proform-activity.html', entry: 'proform-activity.tsx', library: 'Ant Design ProComponents 3 on antd 6 (React 18): ProForm with labels above, radio buttons over a valueEnum, a date range, request-driven selects, a ProFormList of deputies, ProFormDigit checked against it, a switch and a disabled date defaulted', kind: '代表履职活动登记' },
  { id: 'vxe-meeting', page: 'vxe-meeting.html', entry: 'vxe-meeting.ts', library: 'vxe-table 4 + vxe-pc-ui 4 (Vue 3): a vxe-form of the main fields and three editable vxe-grids (click-to-edit cells, VxeInput/VxeSelect editors, edit-rules) for agenda, attendees without vote and deputies\' opinions', kind: '会议登记（党委扩大会议，代表列席）' },
  { id: 'jeecg2-enforcement', page: 'jeecg2-enforcement.html', library: 'JeecgBoot 2.x style (Ant Design Vue 1.7 on Vue 2.7, script tags): v-decorator a-form in the 新增 a-modal, dict selects and checkbox group, a show-time range picker posted as two times, a multiple select of snowflake ids, an a-table of 发现问题 rows with select and date cells', kind: '执法检查登记' },
  { id: 'devextreme-reply', page: 'devextreme-reply.html', library: 'DevExtreme 22.2 jQuery widgets (.NET OA style, script tags): a dxForm of groups bound to a PascalCase model, dxSelectBox/dxTagBox of int ids, dxRadioGroup and dxSelectBox of codes, dxDateBox values serialised yyyy-MM-ddTHH:mm:ss, a cell-edited dxDataGrid of 附议代表 as a form item', kind: '代表建议办理答复登记' },
  { id: 'ruoyi-thymeleaf-visit', page: 'ruoyi-thymeleaf-visit.html', library: 'RuoYi 单体版 style (Spring Boot + Thymeleaf, script tags): Bootstrap 3 form-horizontal, jQuery Validation with RuoYi\'s defaults, read-only laydate dates and a date-time, a select2 of codes, iCheck radios of codes and check-boxes of user ids, 承办单位 from a zTree dept tree in a layer.open iframe, a 同行人员 sub-table grown with 添加', kind: '来访登记' },
  { id: 'viewdesign-reply', page: 'viewdesign-reply.html', library: 'View Design 4 (iView 4, view-design) on Vue 2.7, script tags and an in-DOM template: the 新增 Modal over the list, i-form rules, filterable single / multiple i-selects of deputy ids and unit codes, radio-group and checkbox-group of codes, a daterange, a date and a datetime date-picker, input-number checked against the co-signers, an i-switch posted 1/0', kind: '代表建议办理答复登记' },
  { id: 'vform-suggestion', page: 'vform-suggestion.html', entry: 'vform-suggestion.ts', library: 'VForm 3 (variant-form, vform3-builds 3.0.10 from the registry tarball) on Element Plus: the designer\'s exported JSON (card and grid containers; input, textarea, radio, select, date, number and switch widgets) rendered by v-form-render, deputies in optionData, read-only dates, required / mobilePhone / onValidate rules', kind: '代表建议登记' },
  { id: 'quill-suggestion', page: 'quill-suggestion.html', entry: 'quill-suggestion.ts', library: 'RuoYi-Vue3 style admin (Element Plus): 新增 el-dialog over the list, 问题及理由 and 建议内容 in RuoYi\'s Editor (Quill 2 through @vueup/vue-quill, v-model:content as HTML), dict radios and selects, selects of delegation, deputy and unit ids', kind: '代表建议登记' },
  { id: 'wangeditor-meeting', page: 'wangeditor-meeting.html', entry: 'wangeditor-meeting.ts', library: 'pig / vue-element-plus-admin style admin (Element Plus): 新增 el-dialog over the list, 会议内容 and 议定事项 in the admin\'s Editor (wangEditor 5 through @wangeditor/editor-for-vue, Toolbar + Editor, v-model of HTML), datetime pickers, selects of user ids, 出席人数 checked against 出席人员', kind: '会议纪要登记（主席团例会）' },
  { id: 'tinymce-inspection', page: 'tinymce-inspection.html', entry: 'tinymce-inspection.ts', library: 'JeecgBoot 3 style (Ant Design Vue 4): the 新增 modal of the generated native form in two columns, 视察情况 and 意见建议 as JEditor (TinyMCE 8 through @tinymce/tinymce-vue, iframe mode, model updated on change/keyup), dict selects of codes, JSelectMultiple of deputy ids as a comma string, JCheckbox, show-time dates', kind: '代表视察（调研）登记' },
  { id: 'kindeditor-letter', page: 'kindeditor-letter.html', library: 'JSP-era table page (jQuery): letter.* names, code-valued selects and radios, a typed Wdate date input, 来信内容 and 拟办意见 as KindEditor 4 (iframe) synced on blur and before the post, a hand-written check', kind: '来信登记' },
  { id: 'ruoyi2-visit', page: 'ruoyi2-visit.html', library: 'RuoYi-Vue 3.x style admin (Element UI 2.15 on Vue 2.7, script tags, in-DOM template): the 新增 el-dialog over the list, @riophae/vue-treeselect of the dept tree by id (collapsed under the town), an el-transfer of user ids, dict select / radios of codes, an el-cascader of division codes, el-input-number, RuoYi\'s phone pattern', kind: '来访登记' },
  { id: 'jeecg-userpicker-activity', page: 'jeecg-userpicker-activity.html', entry: 'jeecg-userpicker-activity.ts', library: 'JeecgBoot 3 style (Ant Design Vue 4): the 新增 modal of the generated native form in two columns, people chosen with JSelectUserByDept (a read-only box + 选择 opening a 部门用户选择 a-modal: lazy depart a-tree, searchable paginated user a-table with row-selection) posted as comma-joined usernames, dict select, tree-select of org codes, time pickers', kind: '代表履职活动登记' },
  { id: 'chosen-letter', page: 'chosen-letter.html', library: 'AdminLTE 2 on Bootstrap 3 (jQuery, script tags): form-horizontal col-sm-2 labels two pairs a row over three boxes, chosen 1.8 single selects of codes (village codes in town optgroups, user ids) and a multiple chosen of dept ids, daterangepicker 3.1 (singleDatePicker defaulted to today, a read-only range posted as one string), radio-inline / checkbox-inline inputs, jQuery Validation with messages_zh', kind: '来信登记' },
  { id: 'weui-visit', page: 'weui-visit.html', library: 'jQuery WeUI 1.2 (WeChat H5 phone page, script tags): weui-cells_form cells with weui-label, $.fn.picker single choices keeping codes in a hidden input / data-code, $.fn.select multi (user ids) and single (dept ids) in data-values, $.fn.calendar dates (yyyy/mm/dd), a defaulted $.fn.datetimePicker, $.fn.cityPicker division code, weui-check radios, weui-switch, $.toptip check', kind: '来访登记', viewport: { width: 375, height: 812 } },
  { id: 'semi-meeting', page: 'semi-meeting.html', entry: 'semi-meeting.tsx', library: 'Semi Design 2 (@douyinfe/semi-ui) on React 18: a Semi admin layout (Nav, Breadcrumb, Card) around one Form with labels on the left, Form.Section headings, a RadioGroup of dict codes, dateTime / date DatePickers and an HH:mm TimePicker, filter Selects of user ids (single and multiple), InputNumber checked against the attendees, a CheckboxGroup of user ids, a multiple leafOnly TreeSelect of unit codes, an ArrayField of agenda rows added with 新增议程', kind: '会议登记（主席团会议）' },
  { id: 'opentiny-appraisal', page: 'opentiny-appraisal.html', entry: 'opentiny-appraisal.ts', library: 'OpenTiny Vue 3 (@opentiny/vue, components from their own packages), TinyPro style: the 新增 TinyDialogBox over the list, TinyForm rules in TinyRow/TinyCol, a TinyTreeSelect of dept codes, date and datetime TinyDatePicker (yyyy-MM-dd), a defaulted radio group and a checkbox group of dict codes, a multiple filterable TinySelect of numeric user ids, TinyNumeric, an editable TinyGrid of unit results (click-to-edit cells, select and numeric editors, edit-rules) grown with 新增单位', kind: '工作评议测评登记（汇总）' },
  { id: 'amis-inspection', page: 'amis-inspection.html', entry: 'amis-inspection.tsx', library: 'amis 6 (Baidu\'s JSON renderer, React 18, cxd theme), an amis low-code platform page: one page schema with a horizontal form of group rows, input-text / textarea, radios and checkboxes of dict codes (joined), an input-datetime-range posting start and end (extraName), input-date, a tree-select of dept org codes, searchable selects (deputy ids multiple from a delayed source API, joined), input-number checked by a form rule, a switch, two input-tables (needConfirm false) with input/select/date cells', kind: '执法检查登记' },
];

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const f of readdirSync(path)) if (f !== 'dist' && f !== '.cache' && f !== 'expected') t = Math.max(t, newest(join(path, f)));
  return t;
}

/** One Vue for every Vue 3 page (the build with the template compiler: pages use template strings, as many portals do), one React for every React page. */
export function singleCopies(): Plugin {
  const vue = require.resolve('vue/dist/vue.esm-bundler.js');
  const roots: Record<string, string> = {
    react: dirname(require.resolve('react/package.json')),
    'react-dom': dirname(require.resolve('react-dom/package.json')),
  };
  return {
    name: 'single-copies',
    setup(b) {
      b.onResolve({ filter: /^vue$/ }, () => ({ path: vue }));
      b.onResolve({ filter: /^(react|react-dom)(\/.*)?$/ }, async (args) => {
        if (args.pluginData === 'single') return undefined;
        const m = /^(react|react-dom)(\/.*)?$/.exec(args.path)!;
        const r = await b.resolve('./' + (m[2] ? m[2].slice(1) : ''), { resolveDir: roots[m[1]!]!, kind: args.kind, pluginData: 'single' });
        return { path: r.path };
      });
    },
  };
}

/**
 * What the script-tag pages load, copied into dist/vendor (tests/harness/vendor.ts). From the
 * registry tarballs (`npm pack`, cached in .cache/, gitignored): Vue 2.7 and Element UI 2.15 (Vue
 * 2 cannot be installed next to Vue 3); Ant Design Vue 1.7 with moment 2.29 for the JeecgBoot 2.x
 * page on Vue 2.7; DevExtreme 22.2 (jQuery widgets, for the .NET OA page), whose 90 MB package is
 * only needed for its dx.all.js bundle and two stylesheets — 22.2 is the line such OA systems
 * shipped (no license key check before 24.x).
 */
const PACKED: readonly VendorSource[] = [
  { pack: 'vue@2.7.16', copy: [['dist/vue.min.js', 'vue2/vue.min.js']] },
  { pack: 'element-ui@2.15.14', copy: [['lib/index.js', 'element-ui/index.js'], ['lib/theme-chalk/index.css', 'element-ui/theme-chalk/index.css'], ['lib/theme-chalk/fonts', 'element-ui/theme-chalk/fonts']] },
  { pack: 'ant-design-vue@1.7.8', copy: [['dist/antd-with-locales.min.js', 'antdv1/antd-with-locales.min.js'], ['dist/antd.min.css', 'antdv1/antd.min.css']] },
  { pack: 'moment@2.29.4', copy: [['min/moment.min.js', 'moment/moment.min.js'], ['locale/zh-cn.js', 'moment/zh-cn.js']] },
  {
    pack: 'devextreme@22.2.15',
    copy: [
      ['dist/js/dx.all.js', 'devextreme/dx.all.js'], ['dist/js/localization/dx.messages.zh.js', 'devextreme/dx.messages.zh.js'],
      ['dist/css/dx.common.css', 'devextreme/dx.common.css'], ['dist/css/dx.light.css', 'devextreme/dx.light.css'], ['dist/css/icons', 'devextreme/icons'],
    ],
  },
  // the RuoYi 单体版 page: Bootstrap 3 (the workspace's bootstrap is 4), the standalone layer 3.5 that
  // RuoYi ships beside layui (its $.modal.open is layer.open type 2), and zTree v3 for the dept tree
  { pack: 'bootstrap@3.4.1', copy: [['dist/js/bootstrap.min.js', 'bootstrap3/js/bootstrap.min.js'], ['dist/css/bootstrap.min.css', 'bootstrap3/css/bootstrap.min.css'], ['dist/fonts', 'bootstrap3/fonts']] },
  { pack: 'layer-src@3.5.1', copy: [['dist/layer.js', 'layer/layer.js'], ['dist/theme', 'layer/theme']] },
  { pack: '@ztree/ztree_v3@3.5.48', copy: [['js/jquery.ztree.core.min.js', 'ztree/jquery.ztree.core.min.js'], ['css/metroStyle', 'ztree/metroStyle']] },
  // the View Design 4 page: iView 4 for Vue 2 (view-design), on the Vue 2.7 above
  { pack: 'view-design@4.7.0', copy: [['dist/iview.min.js', 'view-design/iview.min.js'], ['dist/styles/iview.css', 'view-design/styles/iview.css'], ['dist/styles/fonts', 'view-design/styles/fonts']] },
  // the VForm page: vform3-builds publishes built UMD files only; the page bundles its render build
  // (dist/render.umd.js, requiring "vue") from the extracted tarball (see packedModules), nothing is copied
  { pack: 'vform3-builds@3.0.10', copy: [] },
  // the RuoYi-Vue 3.x (Vue 2) visit page: @riophae/vue-treeselect 0.4.0, RuoYi-Vue's dept tree picker,
  // its UMD build (global VueTreeselect, on the Vue 2.7 above) and stylesheet
  { pack: '@riophae/vue-treeselect@0.4.0', copy: [['dist/vue-treeselect.umd.min.js', 'vue-treeselect/vue-treeselect.umd.min.js'], ['dist/vue-treeselect.min.css', 'vue-treeselect/vue-treeselect.min.css']] },
  // the AdminLTE 2 letter page: AdminLTE 2.4 (its dist css / skin / js, and the Font Awesome 4.7 it carries
  // in bower_components), on the Bootstrap 3 above
  {
    pack: 'admin-lte@2.4.18',
    copy: [
      ['dist/css/AdminLTE.min.css', 'admin-lte/css/AdminLTE.min.css'], ['dist/css/skins/skin-blue.min.css', 'admin-lte/css/skins/skin-blue.min.css'], ['dist/js/adminlte.min.js', 'admin-lte/js/adminlte.min.js'],
      ['bower_components/font-awesome/css', 'admin-lte/font-awesome/css'], ['bower_components/font-awesome/fonts', 'admin-lte/font-awesome/fonts'],
    ],
  },
];

/**
 * Packages the bundled pages import but the workspace does not install, resolved into their
 * extracted tarballs in .cache/ (vform3-builds: VForm 3 is only published as built files).
 */
function packedModules(): Plugin {
  const roots: Record<string, string> = { 'vform3-builds': join(CACHE, tarballName('vform3-builds@3.0.10').replace(/\.tgz$/, '')) };
  return {
    name: 'packed-modules',
    setup(b) {
      b.onResolve({ filter: /^vform3-builds(\/.*)?$/ }, (args) => {
        const m = /^(vform3-builds)(?:\/(.*))?$/.exec(args.path)!;
        return { path: join(roots[m[1]!]!, m[2] ?? 'dist/render.umd.js') };
      });
    },
  };
}


/**
 * From the workspace: jQuery, Bootstrap 4, select2, bootstrap-select as a 2019 portal would ship them; jQuery Validation and jQuery UI for the
 * JSP-era page; iCheck and bootstrap-datetimepicker for the H+-style page; Layui 2 for the Layui admin page.
 */
const INSTALLED: readonly VendorSource[] = [
  { installed: 'jquery', copy: [['dist/jquery.min.js', 'jquery.min.js']] },
  { installed: 'bootstrap', copy: [['dist/js/bootstrap.bundle.min.js', 'bootstrap.bundle.min.js'], ['dist/css/bootstrap.min.css', 'bootstrap.min.css']] },
  { installed: 'select2', copy: [['dist/js/select2.full.min.js', 'select2.full.min.js'], ['dist/js/i18n/zh-CN.js', 'select2.zh-CN.js'], ['dist/css/select2.min.css', 'select2.min.css']] },
  { installed: 'bootstrap-select', copy: [['dist/js/bootstrap-select.min.js', 'bootstrap-select.min.js'], ['dist/js/i18n/defaults-zh_CN.min.js', 'bootstrap-select.zh_CN.min.js'], ['dist/css/bootstrap-select.min.css', 'bootstrap-select.min.css']] },
  // the JSP-era page: jQuery Validation with its Chinese messages, jQuery UI's datepicker
  { installed: 'jquery-validation', copy: [['dist/jquery.validate.min.js', 'jquery.validate.min.js'], ['dist/localization/messages_zh.min.js', 'jquery.validate.messages_zh.min.js']] },
  { installed: 'jquery-ui-dist', copy: [['jquery-ui.min.js', 'jquery-ui/jquery-ui.min.js'], ['jquery-ui.min.css', 'jquery-ui/jquery-ui.min.css'], ['images', 'jquery-ui/images']] },
  // the H+-style meeting page: iCheck (square skin, green) and smalot's bootstrap-datetimepicker
  { installed: 'icheck', copy: [['icheck.min.js', 'icheck/icheck.min.js'], ['skins/square/green.css', 'icheck/green.css'], ['skins/square/green.png', 'icheck/green.png'], ['skins/square/green@2x.png', 'icheck/green@2x.png']] },
  {
    installed: 'bootstrap-datetime-picker',
    copy: [
      ['js/bootstrap-datetimepicker.min.js', 'datetimepicker/bootstrap-datetimepicker.min.js'], ['js/locales/bootstrap-datetimepicker.zh-CN.js', 'datetimepicker/bootstrap-datetimepicker.zh-CN.js'],
      ['css/bootstrap-datetimepicker.min.css', 'datetimepicker/bootstrap-datetimepicker.min.css'],
    ],
  },
  // Layui 2 as its users ship it: the one-file layui.js with css/ and font/ beside it.
  { installed: 'layui', copy: [['dist', 'layui']] },
  // TinyMCE 8 for the JeecgBoot page: the page bundles the core, theme, model, icons and plugins (as
  // JeecgBoot does); the skins it loads by URL (base_url) are served from here.
  { installed: 'tinymce', copy: [['skins', 'tinymce/skins']] },
  // KindEditor 4 for the JSP letter page, as such systems shipped it: the one-file build with its
  // themes, language files and plugins beside it (its basePath is taken from the script's src).
  {
    installed: 'kindeditor',
    copy: [['kindeditor-all-min.js', 'kindeditor/kindeditor-all-min.js'], ['themes', 'kindeditor/themes'], ['lang', 'kindeditor/lang'], ['plugins', 'kindeditor/plugins']],
  },
  // chosen 1.8 and daterangepicker 3.1 (on the moment above) for the AdminLTE 2 letter page
  { installed: 'chosen-js', copy: [['chosen.jquery.min.js', 'chosen/chosen.jquery.min.js'], ['chosen.min.css', 'chosen/chosen.min.css'], ['chosen-sprite.png', 'chosen/chosen-sprite.png'], ['chosen-sprite@2x.png', 'chosen/chosen-sprite@2x.png']] },
  { installed: 'daterangepicker', copy: [['daterangepicker.js', 'daterangepicker/daterangepicker.js'], ['daterangepicker.css', 'daterangepicker/daterangepicker.css']] },
  // jQuery WeUI 1.2 for the WeChat H5 visit page, as such pages shipped it: the package's own
  // lib/ (jQuery 2.1.4, FastClick, weui.min.css) beside js/jquery-weui.min.js, js/city-picker.min.js and its css.
  {
    installed: 'jquery-weui',
    copy: [
      ['dist/lib/jquery-2.1.4.js', 'jquery-weui/lib/jquery-2.1.4.js'], ['dist/lib/fastclick.js', 'jquery-weui/lib/fastclick.js'], ['dist/lib/weui.min.css', 'jquery-weui/lib/weui.min.css'],
      ['dist/js/jquery-weui.min.js', 'jquery-weui/js/jquery-weui.min.js'], ['dist/js/city-picker.min.js', 'jquery-weui/js/city-picker.min.js'], ['dist/css/jquery-weui.min.css', 'jquery-weui/css/jquery-weui.min.css'],
    ],
  },
];

export async function buildEvalPortals(force = false): Promise<string> {
  const stamp = join(EVAL_DIST, '.built');
  const sources = Math.max(newest(join(EVAL_PORTALS_DIR, 'src')), statSync(fileURLToPath(import.meta.url)).mtimeMs);
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs > sources) return EVAL_DIST;
  mkdirSync(EVAL_DIST, { recursive: true });
  vendorFiles([...INSTALLED, ...PACKED], { dest: join(EVAL_DIST, 'vendor'), cache: CACHE, resolveFrom: TESTS_DIR });
  await build({
    entryPoints: Object.fromEntries(EVAL_PAGES.filter((p) => p.entry).map((p) => [p.id, join(EVAL_PORTALS_DIR, 'src', p.entry!)])),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100'],
    outdir: EVAL_DIST,
    minify: true,
    jsx: 'automatic',
    // @formily/next's ES modules import their SCSS sources; the page loads its compiled dist/next.css instead.
    loader: { '.scss': 'empty', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [singleCopies(), packedModules(), amisDeps()],
    logLevel: 'error',
    nodePaths: [join(TESTS_DIR, 'node_modules'), join(REPO, 'node_modules')],
  });
  writeFileSync(stamp, new Date().toISOString());
  return EVAL_DIST;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildEvalPortals(true);
  console.log(`built ${EVAL_DIST}`);
}

/**
 * The built-in adapters, imported in the order they are tried: library widgets (matched by their
 * root class) before ARIA role widgets, and native controls last. Each file registers itself.
 */
import './element-plus.ts';
import './antd3.ts';
import './antd.ts';
import './tdesign.ts';
import './naive.ts';
import './arco.ts';
import './view-ui.ts';
import './vxe.ts';
import './fusion.ts';
import './vant.ts';
import './easyui.ts';
import './devextreme.ts';
import './amis.ts';
import './opentiny.ts';
import './transfer.ts';
import './vue-treeselect.ts';
import './my97.ts';
import './file.ts';
import './layui.ts';
import './select2.ts';
import './chosen.ts';
import './bootstrap-select.ts';
import './aria.ts';
import './contenteditable.ts';
import './dialog-picker.ts';
import './native.ts';

export * from './types.ts';
export * from './registry.ts';
export * from './wait.ts';
export { groupOf, nativeInput } from './native.ts';
export { my97 } from './my97.ts';
export { fileInput } from './file.ts';
export { contentEditable } from './contenteditable.ts';
export { dialogPicker } from './dialog-picker.ts';
export { layuiSelect, layuiRadio, layuiCheckbox } from './layui.ts';
export { elementSelect, elementDate, elementCascader } from './element-plus.ts';
export { antdSelect, antdTreeSelect, antdDate, antdCascader } from './antd.ts';
export { antd3Select, antd3TreeSelect, antd3Date, antd3DateRange } from './antd3.ts';
export { popupSelect, textPicker, menuCascader, classSwitch, closeStrayPopup, openPopup, pickFromPopup, walkCascader, cascaderPaths } from './popup.ts';
export { ariaGroup, ariaToggle, ariaCombobox, ariaSpin, ariaTextbox } from './aria.ts';
export { tdesignSelect, tdesignDate, tdesignCascader } from './tdesign.ts';
export { naiveSelect, naiveDate, naiveCascader } from './naive.ts';
export { arcoSelect, arcoDate, arcoCascader } from './arco.ts';
export { easyuiCombobox, easyuiDate } from './easyui.ts';
export { devextremeSelect, devextremeLookup, devextremeDate, devextremeRadio, devextremeCheckbox, devextremeSwitch, devextremeText } from './devextreme.ts';
export { vantPickerField, vantCheckboxGroup } from './vant.ts';
export { fusionSelect, fusionDate, fusionDate2, fusionCascader } from './fusion.ts';
export { viewUiSelect, viewUiDate, viewUiCascader, viewUiSwitch } from './view-ui.ts';
export { select2 } from './select2.ts';
export { chosen } from './chosen.ts';
export { bootstrapSelect } from './bootstrap-select.ts';
export { vxeSelect, vxeDate } from './vxe.ts';
export { amisSelect, amisTreeSelect } from './amis.ts';
export { opentinySelect, opentinyTreeSelect, opentinyDate } from './opentiny.ts';

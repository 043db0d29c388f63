/**
 * vue-treeselect (@riophae/vue-treeselect, Vue 2): the tree select RuoYi-Vue pages choose a
 * department with (`<treeselect v-model="form.deptId" :options="deptOptions" :normalizer …>`).
 * A dropdown select over a tree whose nodes react to mousedown on their label (choose) and on their
 * arrow (open the branch); searched through its own input, and when the search finds nothing the
 * tree is opened branch by branch and the name looked for again (a record writing 青山镇财政所 where
 * the tree says 财政所). Typed into as a text box before, it was reported filled with the model empty.
 */
import { defineAdapter } from './registry.ts';
import { popupSelect } from './popup.ts';

/** A node's name without the count show-count puts after it (站所 (3)). */
function nodeName(e: Element): string {
  const label = e.querySelector('.vue-treeselect__label') ?? e;
  return Array.from(label.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim() || (label.textContent ?? '').trim();
}

export const vueTreeselect = defineAdapter(popupSelect({
  name: 'vue-treeselect',
  roots: '.vue-treeselect',
  // (a mousedown opens the menu only on the value container)
  trigger: '.vue-treeselect__value-container',
  popup: '.vue-treeselect__menu',
  // the label's container takes the mousedown that chooses the node
  item: '.vue-treeselect__label-container',
  itemText: nodeName,
  // a closed branch's arrow (an open one is drawn rotated)
  expand: '.vue-treeselect__option-arrow-container:not(:has(.vue-treeselect__option-arrow--rotated))',
  openState: (el) => el.classList.contains('vue-treeselect--open'),
  multipleDom: (el) => el.classList.contains('vue-treeselect--multi'),
  tags: '.vue-treeselect__multi-value-label',
  tagClose: '.vue-treeselect__value-remove',
  selected: '.vue-treeselect__single-value',
  placeholder: '.vue-treeselect__placeholder',
  clearIcon: '.vue-treeselect__x',
  search: 'input.vue-treeselect__input',
}));

// @wangeditor/editor-for-vue 5.1.12 ships its types beside .vue files that its package.json
// "exports" do not expose; the wangEditor page only needs its two components.
declare module '@wangeditor/editor-for-vue' {
  import type { DefineComponent } from 'vue';
  export const Editor: DefineComponent<Record<string, unknown>>;
  export const Toolbar: DefineComponent<Record<string, unknown>>;
}

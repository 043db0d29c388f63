// vform3-builds ships built UMD files only (no types); the VForm page imports its render build.
declare module 'vform3-builds/dist/render.umd.js' {
  const VFormRender: { install(app: unknown): void; VFormRender: unknown };
  export default VFormRender;
}

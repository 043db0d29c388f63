// forms/dist/index.json is made by `lvzhi pack build` (npm run build) and is not in git, so the
// type check (which runs before the build) must not depend on it. Its content is untrusted data
// anyway: the options page validates it with validatePackSet before using it.
declare module '@lvzhi/forms/dist/index.json' {
  const packs: unknown;
  export default packs;
}

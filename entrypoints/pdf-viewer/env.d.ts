// Vite's `?url` imports (an asset's address in the build).
declare module '*?url' {
  const url: string;
  export default url;
}

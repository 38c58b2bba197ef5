// What the bundler (Vite) gives for an asset imported with `?url`: its public URL.
declare module '*.woff2?url' {
  const url: string;
  export default url;
}

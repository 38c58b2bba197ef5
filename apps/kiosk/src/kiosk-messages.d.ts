// The kiosk's share of each language's words, made at build time by vite.config.ts.
declare module 'virtual:kiosk-messages/*' {
  const messages: import('@vungxanh/i18n').MessageTree;
  export default messages;
}

// Types for the PWA plugin's virtual modules (virtual:pwa-register, virtual:pwa-info).
/// <reference types="vite-plugin-pwa/client" />
/// <reference types="vite-plugin-pwa/info" />

declare global {
  namespace App {}
}

export {};

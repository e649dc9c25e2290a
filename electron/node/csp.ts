/**
 * The one Content-Security-Policy for the renderer, sent by the Electron `app://` protocol and
 * by the browser edition's static server alike, so both hosts run the page under the same rules.
 * Nothing may load from outside the app's own origin: the workbench is offline by design.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // 'wasm-unsafe-eval' lets the page compile WebAssembly (Argon2id from hash-wasm, bundled
  // with the app); it does not allow eval() of JavaScript.
  "script-src 'self' 'wasm-unsafe-eval'",
  // React and i18n set inline style attributes; scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

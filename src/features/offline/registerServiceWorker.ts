/**
 * Registers the offline service worker (public/sw.js) in production builds served over http(s).
 * Relative URL and scope, so a site deployed to a subfolder caches that subfolder. Development
 * builds skip it: a cached bundle would hide the changes being made.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  if (!/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
      // Offline use is a convenience: the app works the same without it.
      console.warn('Offline support unavailable:', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

// CxDashboard host SDK (ES module): embeds a CxDashboard view in an iframe on the host's page, hands it tokens
// (on start and whenever it asks for a fresh one before expiry, without reloading), sizes the frame to its content
// and reports what happens. The protocol (window.postMessage, JSON objects with a "type"):
//   frame → host  cx:ready {}                    the app is up and waits for a token (postMessage mode)
//   host  → frame cx:token {token}               a token; also the answer to cx:token-request
//   frame → host  cx:token-request {expiresAt}   the token ends soon: send a fresh one
//   frame → host  cx:loaded {view, unit, partner} the view has drawn its figures (partner: the partner view's)
//   frame → host  cx:resize {height}             the content's height in CSS pixels
//   frame → host  cx:unit-clicked {unit, code}   the viewer opened or clicked a unit
//   frame → host  cx:error {code, message}       expired, refused, or failed
// Usage: const embed = await createEmbed({ container, baseUrl, view: 'scorecard', getToken: () => fetch('/my/token').then(r => r.text()) });
//        (views: scorecard, cascade, process, partner)
//        embed.on('loaded', e => …); embed.destroy();

/**
 * @param {{ container: HTMLElement, baseUrl: string, view: string, getToken: () => Promise<string>,
 *           host?: string, tokenInUrl?: boolean, minHeight?: number, title?: string, partner?: string }} options
 */
export async function createEmbed(options) {
  const { container, view, getToken } = options;
  if (!container || !view || typeof getToken !== 'function') throw new Error('createEmbed needs container, view and getToken');
  const base = new URL(options.baseUrl ?? new URL(import.meta.url).origin);
  const origin = base.origin;
  const listeners = new Map();
  const emit = (name, detail) => (listeners.get(name) ?? []).forEach((fn) => fn(detail));

  const first = await getToken();
  // A host whose token endpoint failed quietly (an empty or error answer) would otherwise frame a page that cannot load
  // (the browser reports only a frame-ancestors refusal): say what went wrong, where the host's code can catch it.
  if (typeof first !== 'string' || first.split('.').length !== 3)
    throw new Error(`createEmbed: getToken() gave no token (got ${first === undefined ? 'undefined' : JSON.stringify(first).slice(0, 40)}); it must resolve to the token string from POST /embed/token`);
  const frame = document.createElement('iframe');
  frame.title = options.title ?? 'CxDashboard';
  frame.style.border = '0';
  frame.style.width = '100%';
  frame.style.height = `${options.minHeight ?? 400}px`;
  frame.setAttribute('referrerpolicy', 'no-referrer');
  const url = new URL(`/embed/${encodeURIComponent(view)}`, base);
  // The partner view opens on the token's partner; `partner` names it explicitly (one outside the token's scope shows
  // "not in your scope", never its data).
  if (options.partner) url.searchParams.set('partner', options.partner);
  // Token in the URL (simplest) or only by postMessage (keeps it out of URLs and logs): then the frame needs the host id
  // for its frame-ancestors policy.
  if (options.tokenInUrl === false) url.searchParams.set('host', String(options.host ?? hostOf(first)));
  else url.searchParams.set('token', first);
  frame.src = url.toString();

  const send = (message) => frame.contentWindow?.postMessage(message, origin);
  const onMessage = async (event) => {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    const m = event.data;
    if (!m || typeof m.type !== 'string' || !m.type.startsWith('cx:')) return;
    switch (m.type) {
      case 'cx:ready':
        send({ type: 'cx:token', token: first });
        break;
      case 'cx:token-request':
        try {
          send({ type: 'cx:token', token: await getToken() });
          emit('tokenRefreshed', {});
        } catch (e) {
          emit('error', { code: 'token', message: String(e?.message ?? e) });
        }
        break;
      case 'cx:resize':
        if (typeof m.height === 'number' && m.height > 0) frame.style.height = `${Math.ceil(Math.max(m.height, options.minHeight ?? 0))}px`;
        emit('resize', { height: m.height });
        break;
      case 'cx:loaded':
        emit('loaded', { view: m.view, unit: m.unit, partner: m.partner });
        break;
      case 'cx:unit-clicked':
        emit('unitClicked', { unit: m.unit, code: m.code });
        break;
      case 'cx:error':
        emit('error', { code: m.code, message: m.message });
        break;
    }
  };
  window.addEventListener('message', onMessage);
  container.appendChild(frame);

  return {
    frame,
    /** @param {'loaded'|'unitClicked'|'error'|'resize'|'tokenRefreshed'} name */
    on(name, fn) {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return this;
    },
    /** Pushes a token now (e.g. after the host's own sign-in changed). */
    setToken(token) {
      send({ type: 'cx:token', token });
    },
    destroy() {
      window.removeEventListener('message', onMessage);
      frame.remove();
    },
  };
}

/** The host id inside a token (its payload is readable; the signature is the server's business). */
function hostOf(token) {
  const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  return payload.host_app;
}

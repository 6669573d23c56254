// The Content-Security-Policy (helmet): only this origin's scripts, styles, images and connections.
/**
 * No inline scripts or styles anywhere: the client sets styles through classes and the CSSOM
 * (element.style, constructable stylesheets), which the policy allows. `data:` and `blob:` images
 * are the export previews and the PNG/SVG downloads. `upgrade-insecure-requests` is left out on
 * purpose: it would break a plain-http LAN deployment; put the app behind https instead.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/**
 * The styles of TermCard, as a string: the hover card puts them in its shadow
 * root (so the page's CSS and ours never meet), the popup and options page add
 * them once. Pixel units only: the page's root font size must not scale the card.
 */
export const TERM_CARD_CSS = `
.atz-card {
  box-sizing: border-box;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: 420px;
  overflow: auto;
  padding: 12px 14px;
  background: #ffffff;
  color: #1f2328;
  border: 1px solid #d0d7de;
  border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  text-align: left;
}
.atz-card * { box-sizing: border-box; }
.atz-head { position: relative; padding-right: 24px; }
.atz-found { font-size: 12px; color: #57606a; }
.atz-term { font-size: 17px; font-weight: 600; }
.atz-main-term { font-size: 13px; color: #57606a; }
.atz-equivalent { margin-top: 2px; }
.atz-lang { font-size: 12px; color: #57606a; }
.atz-equivalent-term { font-weight: 600; color: #0b5394; }
.atz-badges:empty { display: none; }
.atz-badges { margin-top: 4px; display: flex; gap: 6px; flex-wrap: wrap; }
.atz-badge { font-size: 11px; padding: 1px 6px; border-radius: 10px; }
.atz-approximate { background: #ffe8cc; color: #7a4100; }
.atz-personal { background: #d8f5de; color: #1a5e2a; }
.atz-status { background: #eaeef2; color: #424a53; }
.atz-status-historical { background: #f1e5ff; color: #5a2a8a; }
.atz-source { font-size: 12px; font-weight: 400; color: #0969da; text-decoration: none; }
.atz-source:hover { text-decoration: underline; }
.atz-senses { margin-top: 8px; font-size: 12px; color: #57606a; }
.atz-sense {
  margin: 2px 4px 0 0; padding: 1px 6px; border: 1px solid #d0d7de; border-radius: 10px;
  background: #f6f8fa; color: #1f2328; font: 12px/1.4 system-ui, sans-serif; cursor: pointer;
}
.atz-sense:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.atz-close {
  position: absolute; top: -4px; right: -6px;
  width: 24px; height: 24px; padding: 0;
  border: 0; background: transparent; color: #57606a;
  font: 18px/24px system-ui, sans-serif; cursor: pointer;
}
.atz-definition { margin: 8px 0 0; }
.atz-citations { list-style: none; margin: 8px 0 0; padding: 0; }
.atz-citation { margin: 0 0 6px; }
.atz-cite { font-size: 12px; font-weight: 600; color: #57606a; }
.atz-quote {
  margin: 2px 0 0; padding: 2px 0 2px 8px;
  border-left: 3px solid #d0d7de; font-size: 13px; color: #24292f;
}
.atz-actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 10px; }
.atz-actions button {
  padding: 3px 8px; border: 1px solid #d0d7de; border-radius: 6px;
  background: #f6f8fa; color: #1f2328; font: 12px/1.4 system-ui, sans-serif; cursor: pointer;
}
.atz-actions button:hover { background: #eaeef2; }
.atz-actions button:focus-visible, .atz-close:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .atz-card { background: #1c2128; color: #e6edf3; border-color: #444c56; }
  .atz-found, .atz-main-term, .atz-lang, .atz-cite, .atz-close { color: #9da7b3; }
  .atz-equivalent-term { color: #79b8ff; }
  .atz-source { color: #79b8ff; }
  .atz-senses { color: #9da7b3; }
  .atz-sense { background: #2d333b; color: #e6edf3; border-color: #444c56; }
  .atz-status { background: #2d333b; color: #cdd9e5; }
  .atz-quote { color: #cdd9e5; border-left-color: #444c56; }
  .atz-actions button { background: #2d333b; color: #e6edf3; border-color: #444c56; }
}
`;

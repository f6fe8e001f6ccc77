export default defineBackground(() => {
  // Wired up by the extension layer (database, matcher, messages).
});

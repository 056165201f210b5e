// Cockpit configuration of wparflow (replaces the webapp's default, which sets nothing): the operations view.
export default {
  customScripts: ['scripts/wparflow-operations']
};

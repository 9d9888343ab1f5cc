import { TOKEN_HEADER } from './previewGuard';

/**
 * `google.script.run` for the preview page: the same chaining as Apps Script
 * (withSuccessHandler, withFailureHandler, withUserObject, then the server function's name),
 * each call a POST /api/<name> with the arguments as JSON and this run's token (see
 * previewGuard.ts). Plain ES5 so any browser runs it.
 */
export const scriptRunShim = (token: string): string => `<script>
(function () {
  var headers = { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: ${JSON.stringify(token)} };
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (handler) { return runner(handler, onFailure, userObject); };
        if (name === 'withFailureHandler') return function (handler) { return runner(onSuccess, handler, userObject); };
        if (name === 'withUserObject') return function (object) { return runner(onSuccess, onFailure, object); };
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/api/' + encodeURIComponent(name), { method: 'POST', headers: headers, body: JSON.stringify({ args: args }) })
            .then(function (response) { return response.json(); })
            .then(function (body) {
              if (body.ok) { if (onSuccess) onSuccess(body.value, userObject); }
              else if (onFailure) onFailure(new Error(body.error), userObject);
            })
            .catch(function (error) { if (onFailure) onFailure(error, userObject); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () {}, setWidth: function () {}, setHeight: function () {} } } };
})();
</script>`;

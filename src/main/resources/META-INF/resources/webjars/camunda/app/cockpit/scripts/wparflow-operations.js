// wparflow operations in Cockpit: finished and running operations with their outcome, and for one operation its
// steps, the commands it ran with their transcripts and the images it made. Reads GET /api/operations as the user
// logged in to Cockpit (wparflow accepts the webapp session for reads of its API). Plain DOM, no framework.
// Route: #/wparflow-operations (list), #/wparflow-operations?id=PROCESS_INSTANCE_ID (one operation).

const STATES = ['', 'RUNNING', 'COMPLETED', 'REFUSED', 'REJECTED', 'FAILED', 'ROLLED_BACK', 'CANCELED'];

function apiRoot(api) {
  // baseApi is <context>/<webapp path>/api/engine; /api lives at the context root
  const base = (api && api.baseApi) || '/camunda/api/engine';
  return base.replace(/\/[^/]+\/api\/engine\/?$/, '');
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function duration(ms) {
  if (ms === null || ms === undefined) return '';
  return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try { message = (await response.json()).message || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response.json();
}

function params() {
  const query = (window.location.hash.split('?')[1]) || '';
  return new URLSearchParams(query);
}

function operationsTable(operations) {
  return el('table', {class: 'table table-striped wparflow-operations-list'},
    el('thead', {}, el('tr', {}, ['Operation', 'State', 'Reason', 'Started by', 'Started', 'Ended']
      .map(h => el('th', {}, h)))),
    el('tbody', {}, operations.map(o => el('tr', {class: 'wparflow-operation', 'data-id': o.id, 'data-state': o.state},
      el('td', {class: 'subject'}, el('a', {class: 'wparflow-operation-link', href: '#/wparflow-operations?id=' +
        encodeURIComponent(o.id)}, o.subject), el('br'), el('small', {class: 'text-muted'}, o.processKey)),
      el('td', {class: 'state'}, o.state + (o.outcome && o.outcome !== o.state ? ' (' + o.outcome + ')' : '')),
      el('td', {class: 'reason'}, o.reason || ''),
      el('td', {class: 'started-by'}, o.startedBy || '(application)'),
      el('td', {class: 'started-at'}, time(o.startedAt)),
      el('td', {class: 'ended-at'}, time(o.endedAt))))));
}

async function renderList(container, root) {
  const p = params();
  const state = p.get('state') || '';
  const processKey = p.get('processKey') || '';
  const first = Number(p.get('firstResult') || 0);
  const filter = el('form', {id: 'wparflow-operations-filter', class: 'form-inline'},
    el('label', {}, 'State ', el('select', {name: 'state', class: 'form-control'},
      STATES.map(s => { const o = el('option', {value: s}, s || 'any'); if (s === state) o.selected = true; return o; }))),
    ' ', el('label', {}, 'Process ', el('input', {name: 'processKey', class: 'form-control', value: processKey,
      placeholder: 'WparRelocationProcess'})),
    ' ', el('button', {type: 'submit', class: 'btn btn-default'}, 'Filter'));
  filter.addEventListener('submit', event => {
    event.preventDefault();
    const q = new URLSearchParams();
    if (filter.state.value) q.set('state', filter.state.value);
    if (filter.processKey.value.trim()) q.set('processKey', filter.processKey.value.trim());
    window.location.hash = '#/wparflow-operations' + (q.toString() ? '?' + q : '');
  });
  container.replaceChildren(el('h2', {}, 'wparflow operations'), filter);
  await renderDrift(container, root).catch(() => {});
  const q = new URLSearchParams({firstResult: first, maxResults: 50});
  if (state) q.set('state', state);
  if (processKey) q.set('processKey', processKey);
  const page = await getJson(root + '/api/operations?' + q);
  container.append(el('p', {class: 'wparflow-operations-total'}, page.total + ' operation(s)'),
    operationsTable(page.operations));
  if (first + page.operations.length < page.total) {
    q.set('firstResult', first + page.operations.length);
    q.delete('maxResults');
    container.append(el('a', {class: 'wparflow-operations-next', href: '#/wparflow-operations?' + q}, 'Older'));
  }
}

// The WPARs whose software levels differ from their global environment's at the last discovery (GET
// /api/wpars?softwareInSync=false): each with the filesets that differ; WparSyncProcess syncs them.
async function renderDrift(container, root) {
  const drifting = await getJson(root + '/api/wpars?softwareInSync=false');
  if (!drifting.length) {
    return;
  }
  container.append(el('div', {class: 'alert alert-warning wparflow-software-drift'},
    el('strong', {}, drifting.length + ' WPAR(s) out of sync with their global environment'),
    ' (start a WparSyncProcess for their LPAR):',
    el('ul', {}, drifting.map(w => el('li', {class: 'wparflow-drifting-wpar', 'data-wpar': w.lpar + '/' + w.name},
      w.lpar + '/' + w.name + ': ' + (w.driftingFilesets || []).map(f => f.fileset + ' ' + (f.wparLevel || 'missing')
        + ' (global ' + (f.globalLevel || 'none') + ')').join(', '))))));
}

async function renderDetail(container, root, id) {
  const d = await getJson(root + '/api/operations/' + encodeURIComponent(id));
  const o = d.operation;
  const section = el('div', {id: 'wparflow-operation-detail', 'data-id': o.id, 'data-state': o.state},
    el('p', {}, el('a', {href: '#/wparflow-operations'}, '← all operations')),
    el('h2', {class: 'wparflow-operation-subject'}, o.subject),
    el('dl', {class: 'dl-horizontal'},
      el('dt', {}, 'Process'), el('dd', {}, (o.processName || o.processKey) + ' (' + o.id + ')'),
      el('dt', {}, 'Started by'), el('dd', {class: 'wparflow-operation-started-by'}, o.startedBy || '(application)'),
      el('dt', {}, 'Started'), el('dd', {}, time(o.startedAt)),
      el('dt', {}, 'Ended'), el('dd', {}, time(o.endedAt) || 'running'),
      el('dt', {}, 'State'), el('dd', {class: 'wparflow-operation-state'}, o.state),
      el('dt', {}, 'Outcome'), el('dd', {class: 'wparflow-operation-outcome'}, o.outcome || ''),
      el('dt', {}, 'Reason'), el('dd', {class: 'wparflow-operation-reason'}, o.reason || '')));
  if (d.openIncidents.length) {
    section.append(el('h3', {}, 'Open incidents'), el('ul', {class: 'wparflow-incidents'},
      d.openIncidents.map(i => el('li', {}, i.activityId + ': ' + i.message))));
  }
  section.append(el('h3', {}, 'Steps'), el('table', {class: 'table table-condensed wparflow-steps'},
    el('thead', {}, el('tr', {}, ['Step', 'Process', 'Started', 'Ended', 'Took'].map(h => el('th', {}, h)))),
    el('tbody', {}, d.steps.map(s => el('tr', {class: 'wparflow-step' + (s.canceled ? ' text-muted' : ''),
      'data-activity-id': s.activityId},
      el('td', {}, (s.name || s.activityId) + (s.canceled ? ' (canceled)' : '')),
      el('td', {}, s.processKey), el('td', {}, time(s.startedAt)), el('td', {}, time(s.endedAt)),
      el('td', {}, duration(s.durationMs)))))));
  section.append(el('h3', {}, 'Commands'), el('div', {class: 'wparflow-commands'},
    d.commands.length ? d.commands.map(c => el('details', {class: 'wparflow-command', 'data-seq': c.seq},
      el('summary', {}, el('code', {}, c.host + ' # ' + c.command), ' → ',
        c.exitStatus === null ? (c.failure || 'no exit status') : 'exit ' + c.exitStatus,
        ' (' + duration(c.durationMs) + ', ' + (c.activityId || '') + ')'),
      el('pre', {class: 'wparflow-stdout'}, c.stdout || ''),
      c.stderr ? el('pre', {class: 'wparflow-stderr text-danger'}, c.stderr) : ''))
      : el('p', {}, 'No remote command ran.')));
  section.append(el('h3', {}, 'Images made'), d.images.length
    ? el('table', {class: 'table table-condensed wparflow-images'},
      el('tbody', {}, d.images.map(i => el('tr', {class: 'wparflow-image', 'data-id': i.id},
        el('td', {}, i.id), el('td', {}, i.lpar + '/' + i.wpar), el('td', {}, i.path), el('td', {}, i.state)))))
    : el('p', {class: 'wparflow-images-none'}, 'None.'));
  container.replaceChildren(section);
}

function renderRoute(node, api) {
  const container = el('div', {id: 'wparflow-operations', class: 'ctn-content'});
  node.append(container);
  const root = apiRoot(api);
  const id = params().get('id');
  (id ? renderDetail(container, root, id) : renderList(container, root)).catch(error =>
    container.append(el('div', {class: 'alert alert-danger wparflow-operations-error'}, error.message)));
}

export default [
  {
    id: 'wparflow.operations.route',
    pluginPoint: 'cockpit.route',
    properties: {path: '/wparflow-operations', label: '/wparflow-operations'},
    render: renderRoute
  },
  {
    id: 'wparflow.operations.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {pagePath: '#/wparflow-operations', label: 'wparflow operations',
      checkActive: path => path.indexOf('#/wparflow-operations') > -1},
    render: node => node.append(el('a', {id: 'wparflow-operations-nav', href: '#/wparflow-operations'},
      'wparflow operations'))
  },
  {
    id: 'wparflow.operations.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node, api) => {
      const box = el('section', {id: 'wparflow-operations-recent'}, el('h3', {}, 'Recent wparflow operations'));
      node.append(box);
      getJson(apiRoot(api) + '/api/operations?maxResults=5')
        .then(page => box.append(operationsTable(page.operations),
          el('a', {href: '#/wparflow-operations'}, 'All operations')))
        .catch(error => box.append(el('div', {class: 'alert alert-danger wparflow-operations-error'}, error.message)));
    }
  }
];

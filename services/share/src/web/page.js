/*
 * Safe Watch family page (SPEC S2, S6, S7, X2, X3): served at /s/{token}.
 * Plain browser script (ES2020, no build step, no external network).
 *
 * 1. Applies the age-friendly mode (X2) at once: this file is loaded by a
 *    blocking <script> in <head>, so the class is on <html> before first paint.
 * 2. On DOMContentLoaded: gets a viewer token (the mini-program's, else the dev
 *    login), claims the link (S2), renders the view (S6) and keeps it fresh
 *    (S7): a Server-Sent Events stream read with fetch (so that it can carry the
 *    Authorization header, which EventSource cannot), falling back to polling
 *    the view every `refreshSeconds` with If-None-Match.
 */
(() => {
  const KEY_VIEWER_TOKEN = 'sw.viewerToken';
  const KEY_LARGE = 'sw.largeText';
  const TZ = 'Asia/Shanghai';
  /** No byte of the stream (frame or heartbeat) for this long: reconnect. */
  const STREAM_IDLE_MS = 45000;
  /** Stream attempts failing in a row before polling takes over. */
  const STREAM_MAX_FAILURES = 3;
  /** While polling, how often the stream is tried again. */
  const STREAM_RETRY_WHILE_POLLING_MS = 5 * 60000;
  const MARQUEE_MS = 4500;
  const TRACK_MAX = 720;

  const store = {
    get(k) {
      try {
        return window.localStorage.getItem(k);
      } catch {
        return null;
      }
    },
    set(k, v) {
      try {
        window.localStorage.setItem(k, v);
      } catch {
        /* private mode: the setting lasts for this page only */
      }
    },
    del(k) {
      try {
        window.localStorage.removeItem(k);
      } catch {
        /* ignore */
      }
    },
  };

  // ---- X2: before first paint -------------------------------------------------
  const root = document.documentElement;
  let large = store.get(KEY_LARGE) === '1';
  root.classList.toggle('large', large);

  // ---- state ---------------------------------------------------------------------
  const shareToken = readShareToken();
  let viewerToken = null;
  let view = null;
  let claim = null;
  let etag = null;
  let lastEventId = null;
  let refreshSeconds = 30;
  let finished = false;
  let pollTimer = null;
  let polling = false;
  let streamAbort = null;
  let lastUpdateMs = 0;
  /** Views applied so far (also on #view's data-updates, for tests and debugging). */
  let updates = 0;
  let connectionProblem = false;
  let alertIndex = 0;
  let marqueeTimer = null;
  let marqueePaused = false;
  const seenAlertIds = new Set();
  let firstAlertsRender = true;
  /** Positions received during this session (GCJ-02, X3), oldest first. */
  const track = [];

  const $ = (id) => document.getElementById(id);
  /** Wording: the normal text, or the plain words of the age-friendly mode (X2). */
  const T = (normal, plain) => (large ? plain : normal);

  document.addEventListener('DOMContentLoaded', main);

  function main() {
    setupLargeToggle();
    setupMarquee();
    setupDialog();
    $('notice-retry').addEventListener('click', () => window.location.reload());
    window.addEventListener('resize', debounce(drawMap, 150));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && polling && !finished) pollNow();
    });
    start().catch((err) => {
      console.error(err);
      showNotice('error');
    });
  }

  function readShareToken() {
    const parts = window.location.pathname.split('/');
    const t = parts[1] === 's' && parts.length === 3 ? decodeURIComponent(parts[2]) : '';
    return /^[A-Za-z0-9_-]{16,128}$/.test(t) ? t : null;
  }

  // ---- tokens and API ---------------------------------------------------------------

  /**
   * The viewer token: one the mini-program passes in the fragment
   * (#viewerToken=…, never sent to a server; kept and removed from the address
   * bar), else the stored one, else the dev login (POST /v1/dev/viewer-token).
   */
  async function obtainViewerToken(forceNew) {
    const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('viewerToken');
    if (fromHash) {
      store.set(KEY_VIEWER_TOKEN, fromHash);
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      return fromHash;
    }
    if (!forceNew) {
      const stored = store.get(KEY_VIEWER_TOKEN);
      if (stored) return stored;
    }
    const res = await fetch('/v1/dev/viewer-token', {
      method: 'POST',
      headers: { accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
    });
    if (!res.ok) return null;
    const body = await res.json();
    if (!body || typeof body.token !== 'string') return null;
    store.set(KEY_VIEWER_TOKEN, body.token);
    return body.token;
  }

  class LoginRequired extends Error {}

  /** fetch with the viewer token; a refused token is replaced once (dev login). */
  async function api(path, init, retried) {
    const headers = Object.assign({ accept: 'application/json' }, init?.headers || {});
    headers.authorization = `Bearer ${viewerToken}`;
    const res = await fetch(
      path,
      Object.assign({}, init, {
        headers,
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      }),
    );
    if (res.status === 401 && !retried) {
      store.del(KEY_VIEWER_TOKEN);
      viewerToken = await obtainViewerToken(true);
      if (!viewerToken) throw new LoginRequired();
      return api(path, init, true);
    }
    if (res.status === 401) throw new LoginRequired();
    return res;
  }

  const sharePath = (suffix) => `/v1/shares/${encodeURIComponent(shareToken)}${suffix || ''}`;

  async function problemCode(res) {
    try {
      const body = await res.json();
      return body && typeof body.code === 'string' ? body.code : null;
    } catch {
      return null;
    }
  }

  /** The page state a refusal means (S2, S6), or null when it is not final. */
  async function refusal(res) {
    if (res.status === 410) return 'ended';
    if (res.status === 404) return 'invalid';
    if (res.status === 403) return (await problemCode(res)) === 'SHARE_CLAIMED' ? 'claimed' : 'forbidden';
    return null;
  }

  async function start() {
    if (!shareToken) return showNotice('invalid');
    viewerToken = await obtainViewerToken(false);
    if (!viewerToken) return showNotice('login');
    try {
      const res = await api(sharePath('/claim'), { method: 'POST' });
      const refused = await refusal(res);
      if (refused) return showNotice(refused);
      if (!res.ok) return showNotice('error');
      claim = await res.json();
      renderClaim();
      const first = await api(sharePath(''), { headers: {} });
      const refusedView = await refusal(first);
      if (refusedView) return showNotice(refusedView);
      if (!first.ok) return showNotice('error');
      etag = first.headers.get('etag');
      applyView(await first.json());
      streamLoop();
    } catch (err) {
      if (err instanceof LoginRequired) return showNotice('login');
      throw err;
    }
  }

  // ---- S7: live stream (SSE over fetch) -------------------------------------------

  async function streamLoop() {
    let failures = 0;
    while (!finished) {
      const outcome = await streamOnce();
      if (finished || outcome === 'final') return;
      if (outcome === 'delivered') failures = 0;
      else failures++;
      if (failures >= STREAM_MAX_FAILURES) {
        // A proxy that buffers or drops streams: poll, and try the stream now and then.
        startPolling();
        await sleep(STREAM_RETRY_WHILE_POLLING_MS);
        failures = STREAM_MAX_FAILURES - 1;
        continue;
      }
      if (failures > 0) {
        markConnection(true);
        // Between attempts the view is polled once, so nothing goes stale.
        await pollOnce();
      }
      await sleep(Math.min(30000, 1000 * 2 ** failures));
    }
  }

  /** One stream connection: 'delivered' if any frame came, 'failed' if none, 'final' when the page is done. */
  async function streamOnce() {
    const ctrl = new AbortController();
    streamAbort = ctrl;
    let idle = null;
    const kick = () => {
      clearTimeout(idle);
      idle = setTimeout(() => ctrl.abort(), STREAM_IDLE_MS);
    };
    let delivered = false;
    try {
      const headers = { accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      kick();
      const res = await api(sharePath('/stream'), { headers, signal: ctrl.signal });
      const refused = res.status === 410 || res.status === 403 ? await refusal(res) : null;
      if (refused) {
        showNotice(refused);
        return 'final';
      }
      const type = res.headers.get('content-type') || '';
      if (!res.ok || !res.body || !type.includes('text/event-stream')) return 'failed';
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = sseParser((ev) => {
        if (handleEvent(ev)) delivered = true;
      });
      for (;;) {
        const { value, done } = await reader.read();
        if (done || finished) break;
        kick();
        parser(value);
      }
      return finished ? 'final' : delivered ? 'delivered' : 'failed';
    } catch (err) {
      if (err instanceof LoginRequired) {
        showNotice('login');
        return 'final';
      }
      return finished ? 'final' : delivered ? 'delivered' : 'failed';
    } finally {
      clearTimeout(idle);
      if (streamAbort === ctrl) streamAbort = null;
    }
  }

  /** An incremental text/event-stream parser (the WHATWG rules for event, data, id and comments). */
  function sseParser(dispatch) {
    let buf = '';
    let event = '';
    let data = [];
    let id = null;
    return (chunk) => {
      buf += chunk;
      const lines = buf.split(/\r\n|\r|\n/);
      buf = lines.pop();
      for (const line of lines) {
        if (line === '') {
          if (data.length) dispatch({ event: event || 'message', data: data.join('\n'), id });
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id' && !value.includes('\0')) {
          id = value;
          lastEventId = value;
        }
      }
    };
  }

  function handleEvent(ev) {
    let body;
    try {
      body = JSON.parse(ev.data);
    } catch {
      return false;
    }
    if (ev.event === 'view') {
      stopPolling();
      applyView(body);
      return true;
    }
    if (ev.event === 'ended') {
      showNotice('ended', body && typeof body.message === 'string' ? body.message : null);
      return true;
    }
    return false;
  }

  // ---- S7: polling fallback ----------------------------------------------------------

  function startPolling() {
    if (polling || finished) return;
    polling = true;
    schedulePoll();
  }

  function stopPolling() {
    polling = false;
    clearTimeout(pollTimer);
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    if (!polling || finished) return;
    pollTimer = setTimeout(pollNow, refreshSeconds * 1000);
  }

  async function pollNow() {
    clearTimeout(pollTimer);
    await pollOnce();
    schedulePoll();
  }

  async function pollOnce() {
    if (finished) return;
    try {
      const headers = {};
      if (etag) headers['if-none-match'] = etag;
      const res = await api(sharePath(''), { headers });
      if (res.status === 304) {
        lastUpdateMs = Date.now();
        markConnection(false);
        return;
      }
      const refused = await refusal(res);
      if (refused) return showNotice(refused);
      if (!res.ok) return markConnection(true);
      etag = res.headers.get('etag');
      applyView(await res.json());
    } catch (err) {
      if (err instanceof LoginRequired) return showNotice('login');
      markConnection(true);
    }
  }

  // ---- rendering ------------------------------------------------------------------

  const PLATE_COLORS = {
    1: '蓝牌',
    2: '黄牌',
    3: '黑牌',
    4: '白牌',
    5: '绿牌',
    9: '其他颜色号牌',
    91: '农黄牌',
    92: '农绿牌',
    93: '黄绿牌',
    94: '渐变绿牌',
  };

  function renderClaim() {
    const src = view || claim;
    if (!src) return;
    $('plate').textContent = src.plateNumber || '';
    $('plate').className = `plate plate-c${Number(src.plateColor) || 0}`;
    $('plate-color').textContent = PLATE_COLORS[src.plateColor] || '';
  }

  function applyView(v) {
    if (finished || !v) return;
    view = v;
    if (Number(v.refreshSeconds) > 0) refreshSeconds = Number(v.refreshSeconds);
    const p = v.position;
    if (p?.gcj02 && Number.isFinite(p.gcj02.lat) && Number.isFinite(p.gcj02.lon)) {
      const t = Date.parse(p.gnssTime);
      const last = track[track.length - 1];
      if (!last || last.t !== t) {
        track.push({ t, lat: p.gcj02.lat, lon: p.gcj02.lon, heading: Number(p.headingDeg) || 0 });
        if (track.length > TRACK_MAX) track.shift();
      }
    }
    lastUpdateMs = Date.now();
    connectionProblem = false;
    $('view').dataset.updates = String(++updates);
    $('loading').hidden = true;
    $('view').hidden = false;
    render();
  }

  function render() {
    if (!view) return;
    renderClaim();
    renderStatus();
    renderAlerts();
    renderCertificates();
    drawMap();
    renderUpdated();
  }

  function renderStatus() {
    const online = view.online === true;
    const badge = $('badge');
    badge.textContent = online ? '在线' : '离线';
    badge.className = `badge ${online ? 'badge-online' : 'badge-offline'}`;
    const p = view.position;
    $('speed-label').textContent = T('速度', '车速');
    $('heading-label').textContent = T('方向', '行驶方向');
    $('fix-label').textContent = T('定位时间', '最后定位时间');
    if (!p) {
      $('speed').textContent = '—';
      $('heading').textContent = '—';
      $('fix-time').textContent = T('暂无定位', '还没有收到车辆位置');
    } else {
      $('speed').textContent = speedText(p.speedKmh);
      $('heading').textContent = headingText(p.headingDeg, p.speedKmh);
      $('fix-time').textContent = fixTimeText(p.gnssTime);
    }
    const note = $('offline-note');
    note.hidden = online;
    note.textContent = online
      ? ''
      : p
        ? T(
            '超过 10 分钟未收到新的定位，车辆显示为离线（可能已停车熄火或所在地信号不好）。',
            '已经超过 10 分钟没有收到车辆的新位置，可能是车停了熄火，或者那里信号不好。下面是最后一次的位置。',
          )
        : T('尚未收到车辆定位。', '还没有收到车辆的位置信息。');
  }

  function speedText(kmh) {
    const v = Math.round(Number(kmh) || 0);
    return T(`${v} km/h`, v === 0 ? '停着（每小时 0 公里）' : `每小时 ${v} 公里`);
  }

  const DIRECTIONS = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];
  function direction(deg) {
    return DIRECTIONS[Math.round((((Number(deg) || 0) % 360) + 360) / 45) % 8];
  }
  function headingText(deg, kmh) {
    const d = direction(deg);
    return T(
      `${d} ${Math.round(Number(deg) || 0)}°`,
      Math.round(Number(kmh) || 0) === 0 ? `车头朝${d}` : `向${d}行驶`,
    );
  }

  function fixTimeText(iso) {
    const ms = Date.parse(iso);
    if (!Number.isFinite(ms)) return '—';
    const ago = agoText(ms);
    return T(
      `${dateTime(ms, true)}${ago ? `（${ago}）` : ''}`,
      `${dateTime(ms, false)}${ago ? `，${ago}` : ''}`,
    );
  }

  /** Parts of a time in China Standard Time. */
  const partsFmt = new Intl.DateTimeFormat('zh-CN', {
    timeZone: TZ,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  function parts(ms) {
    const o = {};
    for (const p of partsFmt.formatToParts(new Date(ms))) o[p.type] = p.value;
    return o;
  }
  function dateTime(ms, seconds) {
    const p = parts(ms);
    return `${p.month}月${p.day}日 ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
  }
  function clock(ms) {
    const p = parts(ms);
    return `${p.hour}:${p.minute}`;
  }
  function dateText(isoDate) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDate || ''));
    return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(isoDate || '');
  }
  function agoText(ms) {
    const s = (Date.now() - ms) / 1000;
    if (!Number.isFinite(s)) return '';
    if (s < 60) return '刚刚';
    if (s < 3600) return `${Math.floor(s / 60)} 分钟前`;
    if (s < 86400) return `${Math.floor(s / 3600)} 小时前`;
    return `${Math.floor(s / 86400)} 天前`;
  }
  function durationText(totalS) {
    const s = Math.max(0, Math.round(Number(totalS) || 0));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (h > 0) return m > 0 ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
    if (m > 0) return `${m} 分钟`;
    return `${s} 秒`;
  }
  function distanceText(m) {
    const v = Number(m) || 0;
    return v < 1000 ? `${Math.round(v)} 米` : `${(v / 1000).toFixed(1)} 公里`;
  }
  function kmh(v) {
    return Math.round(Number(v) || 0);
  }

  function renderUpdated() {
    const el = $('updated');
    el.classList.toggle('warn', connectionProblem);
    if (connectionProblem) {
      el.textContent = T('网络连接中断，正在重新连接…', '网络不太好，正在重新连接，请稍等…');
      return;
    }
    const at = lastUpdateMs ? clock(lastUpdateMs) : '';
    el.textContent = T(
      `每 ${refreshSeconds} 秒自动刷新 · 上次刷新 ${at}`,
      `位置每 ${refreshSeconds} 秒自动更新，上次更新 ${at}`,
    );
  }

  function markConnection(problem) {
    connectionProblem = problem;
    if (view) renderUpdated();
  }

  // ---- S6: dynamic reminders (走马灯 + 详情) -----------------------------------

  const ALERT_KINDS = ['SPEEDING', 'FATIGUE_CONTINUOUS', 'FATIGUE_DAILY'];

  function shownAlerts() {
    const list = Array.isArray(view?.alerts) ? view.alerts : [];
    return list.filter((a) => a && ALERT_KINDS.includes(a.kind));
  }

  function alertLabel(a) {
    return a.kind === 'SPEEDING' ? T('超速', '超速') : T('疲劳驾驶', '疲劳驾驶');
  }

  function alertSummary(a) {
    const d = a.detail || {};
    if (a.kind === 'SPEEDING') {
      if (a.phase === 'STARTED')
        return T(
          `正在超速：${kmh(d.peakSpeedKmh)} km/h，限速 ${kmh(d.limitKmh)} km/h`,
          `车开得太快：每小时 ${kmh(d.peakSpeedKmh)} 公里，超过了限速 ${kmh(d.limitKmh)} 公里`,
        );
      return T(
        `超速 ${durationText(d.durationS)}，最高 ${kmh(d.peakSpeedKmh)} km/h（限速 ${kmh(d.limitKmh)}）`,
        `超速开了 ${durationText(d.durationS)}，最快每小时 ${kmh(d.peakSpeedKmh)} 公里`,
      );
    }
    const stops = Array.isArray(d.suggestedRestStops) ? d.suggestedRestStops.length : 0;
    if (a.kind === 'FATIGUE_CONTINUOUS') {
      if (a.phase === 'STARTED')
        return (
          T(
            `已连续驾驶 ${durationText(d.continuousDrivingS)}`,
            `已经连续开车 ${durationText(d.continuousDrivingS)}，该休息了`,
          ) + (stops ? T(`，附近有 ${stops} 处司机之家`, `，附近有 ${stops} 个司机之家可以休息`) : '')
        );
      return T('已休息，连续驾驶提醒解除', '司机已经休息过了');
    }
    if (a.phase === 'STARTED')
      return T(
        `当日累计驾驶 ${durationText(d.cumulativeDrivingS)}，已超过规定`,
        `今天一共开了 ${durationText(d.cumulativeDrivingS)}，开得太久了`,
      );
    return T('当日累计驾驶提醒解除', '今天的开车时间提醒已解除');
  }

  function setupMarquee() {
    const m = $('marquee');
    const pause = () => {
      marqueePaused = true;
    };
    const resume = () => {
      marqueePaused = false;
    };
    m.addEventListener('mouseenter', pause);
    m.addEventListener('mouseleave', resume);
    m.addEventListener('focusin', pause);
    m.addEventListener('focusout', resume);
    $('alert-detail').addEventListener('click', () => openDetails(alertIndex));
  }

  function renderAlerts() {
    const alerts = shownAlerts();
    const fresh = alerts.filter((a) => !seenAlertIds.has(a.alertId));
    for (const a of alerts) seenAlertIds.add(a.alertId);
    if (fresh.length && !firstAlertsRender) {
      const a = fresh[0];
      $('alert-announcer').textContent = `新的动态提醒：${alertLabel(a)}，${alertSummary(a)}`;
      alertIndex = 0;
    }
    firstAlertsRender = false;
    $('marquee').hidden = alerts.length === 0;
    $('alerts-empty').hidden = alerts.length > 0;
    $('alerts-empty').textContent = T('暂无超速、疲劳驾驶提醒', '没有超速、疲劳驾驶的提醒，一切正常');
    if (alertIndex >= alerts.length) alertIndex = 0;
    showMarqueeItem(false);
    clearInterval(marqueeTimer);
    if (alerts.length > 1) {
      marqueeTimer = setInterval(() => {
        if (marqueePaused || $('alert-dialog').open) return;
        alertIndex = (alertIndex + 1) % shownAlerts().length;
        showMarqueeItem(true);
      }, MARQUEE_MS);
    }
  }

  function showMarqueeItem(animate) {
    const alerts = shownAlerts();
    const a = alerts[alertIndex];
    const text = $('marquee-text');
    text.textContent = '';
    if (!a) return;
    const chip = document.createElement('span');
    chip.className = `chip ${a.phase === 'STARTED' ? 'chip-alert' : 'chip-done'}`;
    chip.textContent = alertLabel(a);
    const time = document.createElement('span');
    time.className = 'marquee-time';
    time.textContent = clock(Date.parse(a.occurredAt));
    const body = document.createElement('span');
    body.className = 'marquee-body';
    body.textContent = alertSummary(a);
    text.append(chip, time, body);
    if (alerts.length > 1) {
      const count = document.createElement('span');
      count.className = 'marquee-count';
      count.textContent = `${alertIndex + 1}/${alerts.length}`;
      text.append(count);
    }
    $('alert-detail').setAttribute('aria-label', `${alertLabel(a)}提醒详情`);
    if (animate) {
      text.classList.remove('enter');
      void text.offsetWidth;
      text.classList.add('enter');
    }
  }

  function setupDialog() {
    const dialog = $('alert-dialog');
    $('dialog-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog.close();
    });
  }

  /** 详情: the tapped reminder first, then the others (latest first). */
  function openDetails(index) {
    const alerts = shownAlerts();
    if (!alerts.length) return;
    const order = [alerts[index], ...alerts.filter((_, i) => i !== index)].filter(Boolean);
    const body = $('dialog-body');
    body.textContent = '';
    order.forEach((a, i) => {
      body.append(alertDetail(a, i === 0));
    });
    const dialog = $('alert-dialog');
    if (!dialog.open) dialog.showModal();
    body.scrollTop = 0;
    $('dialog-close').focus();
  }

  function alertDetail(a, current) {
    const d = a.detail || {};
    const art = document.createElement('article');
    art.className = `alert-detail${current ? ' current' : ''}`;
    const h = document.createElement('h3');
    const chip = document.createElement('span');
    chip.className = `chip ${a.phase === 'STARTED' ? 'chip-alert' : 'chip-done'}`;
    chip.textContent = a.phase === 'STARTED' ? T('进行中', '正在发生') : T('已结束', '已经结束');
    h.append(document.createTextNode(alertTitle(a)), chip);
    art.append(h);
    const rows = [];
    const add = (k, v) => {
      if (v !== null && v !== undefined && v !== '') rows.push([k, v]);
    };
    add(T('提醒时间', '提醒时间'), dateTime(Date.parse(a.occurredAt), true));
    if (a.kind === 'SPEEDING') {
      if (d.startMs) add(T('开始时间', '开始超速'), dateTime(d.startMs, true));
      add(T('结束时间', '结束超速'), d.endMs ? dateTime(d.endMs, true) : T('仍在超速', '还在超速'));
      add(T('最高车速', '最快车速'), T(`${kmh(d.peakSpeedKmh)} km/h`, `每小时 ${kmh(d.peakSpeedKmh)} 公里`));
      add(T('限速', '限速'), T(`${kmh(d.limitKmh)} km/h`, `每小时 ${kmh(d.limitKmh)} 公里`));
      if (d.durationS !== undefined) add(T('持续时间', '超速多久'), durationText(d.durationS));
    } else {
      if (d.drivingSinceMs) add(T('本次开始驾驶', '这次开始开车'), dateTime(d.drivingSinceMs, false));
      if (d.continuousDrivingS !== undefined)
        add(T('连续驾驶', '已连续开车'), durationText(d.continuousDrivingS));
      if (d.cumulativeDrivingS !== undefined)
        add(T('当日累计驾驶', '今天一共开车'), durationText(d.cumulativeDrivingS));
      if (d.limitS)
        add(
          T('规定上限', '规定'),
          a.kind === 'FATIGUE_DAILY'
            ? T(`每日不超过 ${durationText(d.limitS)}`, `每天最多开 ${durationText(d.limitS)}`)
            : T(`连续驾驶不超过 ${durationText(d.limitS)}`, `连续开车最多 ${durationText(d.limitS)}`),
        );
    }
    const source = { PLATFORM: '定位平台报警', DETECTED_AND_PLATFORM: '系统识别、定位平台报警' }[a.source];
    if (source) add(T('来源', '来源'), source);
    const dl = document.createElement('dl');
    dl.className = 'detail-rows';
    for (const [k, v] of rows) {
      const row = document.createElement('div');
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      row.append(dt, dd);
      dl.append(row);
    }
    art.append(dl);
    const stops = Array.isArray(d.suggestedRestStops) ? d.suggestedRestStops : [];
    if (a.kind !== 'SPEEDING' && stops.length) {
      const sh = document.createElement('h4');
      sh.textContent = T('建议就近到司机之家休息', '可以到这些司机之家休息');
      const ul = document.createElement('ul');
      ul.className = 'rest-stops';
      for (const s of stops) ul.append(restStopItem(s));
      art.append(sh, ul);
    }
    return art;
  }

  function alertTitle(a) {
    if (a.kind === 'SPEEDING') return T('超速行驶', '开车超速');
    if (a.kind === 'FATIGUE_DAILY') return T('疲劳驾驶（当日累计）', '疲劳驾驶：今天开车太久');
    return T('疲劳驾驶（连续驾驶）', '疲劳驾驶：连续开车太久');
  }

  const STOP_TYPES = {
    FUEL_STATION: '加油站',
    LOGISTICS_PARK: '物流园区',
    EXPRESSWAY_SERVICE_AREA: '高速服务区',
    OTHER: '司机之家',
  };

  function restStopItem(s) {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'stop-name';
    name.textContent = s.name || '司机之家';
    const dist = document.createElement('span');
    dist.className = 'stop-distance';
    dist.textContent = T(`距离 ${distanceText(s.distanceM)}`, `离车 ${distanceText(s.distanceM)}`);
    const meta = document.createElement('span');
    meta.className = 'stop-meta';
    const services = Array.isArray(s.services) && s.services.length ? `：${s.services.join('、')}` : '';
    meta.textContent = `${STOP_TYPES[s.type] || '司机之家'}${services}`;
    li.append(name, dist, meta);
    return li;
  }

  // ---- S6 / A3: certificate reminders (证照提醒) -----------------------------

  const CERT_NAMES = { TRANSPORT: '道路运输证', QUALIFICATION: '从业资格证' };

  function renderCertificates() {
    const list = Array.isArray(view.certificates) ? view.certificates : [];
    const ul = $('certs');
    ul.textContent = '';
    for (const c of list) {
      const li = document.createElement('li');
      const expired = c.status === 'EXPIRED';
      li.className = `cert ${expired ? 'cert-expired' : 'cert-expiring'}`;
      const chip = document.createElement('span');
      chip.className = `chip ${expired ? 'chip-alert' : 'chip-warn'}`;
      chip.textContent = expired ? '已过期' : '即将到期';
      const name = document.createElement('strong');
      name.className = 'cert-name';
      name.textContent = CERT_NAMES[c.kind] || '证照';
      const text = document.createElement('span');
      text.className = 'cert-text';
      const days = Math.abs(Number(c.daysLeft) || 0);
      if (expired)
        text.textContent = T(
          `已于 ${dateText(c.expiresOn)} 过期，已过期 ${days} 天`,
          `已经过期 ${days} 天了（${dateText(c.expiresOn)} 到期），请提醒司机尽快办理`,
        );
      else if (days === 0)
        text.textContent = T(`今天（${dateText(c.expiresOn)}）到期`, '今天到期，请提醒司机尽快办理');
      else
        text.textContent = T(
          `将于 ${dateText(c.expiresOn)} 到期，还剩 ${days} 天`,
          `还有 ${days} 天到期（${dateText(c.expiresOn)}），请提醒司机及时办理`,
        );
      li.append(chip, name, text);
      ul.append(li);
    }
    $('certs-empty').hidden = list.length > 0;
    $('certs-empty').textContent = T(
      '道路运输证、从业资格证均在有效期内',
      '道路运输证和从业资格证都没有过期',
    );
  }

  // ---- map: inline SVG of the session's track (GCJ-02, X3) ------------------------

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const TILE = 256;
  const MAX_ZOOM = 16;
  const MIN_ZOOM = 3;

  function svgEl(name, attrs, parent) {
    const e = document.createElementNS(SVG_NS, name);
    for (const k in attrs) e.setAttribute(k, String(attrs[k]));
    if (parent) parent.append(e);
    return e;
  }

  /** Web Mercator world pixels at zoom z (the projection GCJ-02 tiles use). */
  function project(lat, lon, z) {
    const size = TILE * 2 ** z;
    const sin = Math.min(0.9999, Math.max(-0.9999, Math.sin((lat * Math.PI) / 180)));
    return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
  }

  function tileTemplate() {
    const meta = document.querySelector('meta[name="sw-tile-url"]');
    const t = meta ? meta.getAttribute('content') : '';
    return t?.includes('{z}') ? t : null;
  }

  function drawMap() {
    const box = $('map');
    if (!box || $('view').hidden) return;
    const W = Math.max(200, Math.round(box.clientWidth));
    const H = Math.max(160, Math.round(box.clientHeight));
    box.textContent = '';
    const svg = svgEl('svg', {
      viewBox: `0 0 ${W} ${H}`,
      width: W,
      height: H,
      'aria-hidden': 'true',
      focusable: 'false',
    });
    box.append(svg);
    svgEl('rect', { x: 0, y: 0, width: W, height: H, class: 'map-bg' }, svg);
    const last = track[track.length - 1];
    if (!last) {
      drawGrid(svg, 0, 0, W, H);
      const t = svgEl('text', { x: W / 2, y: H / 2, class: 'map-empty', 'text-anchor': 'middle' }, svg);
      t.textContent = T('暂无定位', '还没有车辆位置');
      box.setAttribute('aria-label', T('车辆位置地图：暂无定位', '地图：还没有车辆位置'));
      $('map-note').textContent = '';
      return;
    }
    const pad = large ? 48 : 36;
    let z = MAX_ZOOM;
    let pts = [];
    for (; z >= MIN_ZOOM; z--) {
      pts = track.map((p) => project(p.lat, p.lon, z));
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      if (
        Math.max(...xs) - Math.min(...xs) <= W - 2 * pad &&
        Math.max(...ys) - Math.min(...ys) <= H - 2 * pad
      )
        break;
    }
    z = Math.max(z, MIN_ZOOM);
    pts = track.map((p) => project(p.lat, p.lon, z));
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    // Local coordinates (world pixels minus the view's origin): SVG keeps single precision.
    const x0 = cx - W / 2;
    const y0 = cy - H / 2;
    const local = pts.map(([x, y]) => [x - x0, y - y0]);

    const tiles = tileTemplate();
    if (tiles) drawTiles(svg, tiles, z, x0, y0, W, H);
    else drawGrid(svg, x0, y0, W, H);

    if (local.length > 1) {
      svgEl(
        'polyline',
        { points: local.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '), class: 'track' },
        svg,
      );
      const [sx, sy] = local[0];
      svgEl('circle', { cx: sx, cy: sy, r: 5, class: 'track-start' }, svg);
    }
    const [mx, my] = local[local.length - 1];
    const online = view?.online === true;
    const g = svgEl(
      'g',
      {
        class: `truck ${online ? 'truck-online' : 'truck-offline'}`,
        transform: `translate(${mx.toFixed(1)} ${my.toFixed(1)}) rotate(${Math.round(last.heading)}) scale(${large ? 1.35 : 1})`,
      },
      svg,
    );
    svgEl('circle', { r: 17, class: 'truck-halo' }, g);
    svgEl('path', { d: 'M0,-13 L9,10 L0,5 L-9,10 Z', class: 'truck-arrow' }, g);

    drawScale(svg, last.lat, z, H);
    const n = svgEl('text', { x: W - 12, y: 24, class: 'map-north', 'text-anchor': 'end' }, svg);
    n.textContent = '北↑';

    box.setAttribute(
      'aria-label',
      T(
        `车辆位置地图：北纬 ${last.lat.toFixed(4)}°，东经 ${last.lon.toFixed(4)}°，朝${direction(last.heading)}`,
        `地图：车辆最后的位置，车头朝${direction(last.heading)}`,
      ),
    );
    $('map-note').textContent = T(
      `箭头为车辆位置和行驶方向${track.length > 1 ? '，蓝线为本次查看期间的轨迹' : ''}`,
      `箭头是车辆现在的位置，箭头指向是车开的方向${track.length > 1 ? '，蓝线是刚才走过的路' : ''}`,
    );
  }

  function drawGrid(svg, x0, y0, W, H) {
    const step = 64;
    const g = svgEl('g', { class: 'grid' }, svg);
    for (let x = Math.ceil(x0 / step) * step; x <= x0 + W; x += step) {
      svgEl('line', { x1: x - x0, y1: 0, x2: x - x0, y2: H }, g);
    }
    for (let y = Math.ceil(y0 / step) * step; y <= y0 + H; y += step) {
      svgEl('line', { x1: 0, y1: y - y0, x2: W, y2: y - y0 }, g);
    }
  }

  function drawTiles(svg, template, z, x0, y0, W, H) {
    const g = svgEl('g', { class: 'tiles' }, svg);
    const n = 2 ** z;
    for (let tx = Math.floor(x0 / TILE); tx <= Math.floor((x0 + W) / TILE); tx++) {
      for (let ty = Math.floor(y0 / TILE); ty <= Math.floor((y0 + H) / TILE); ty++) {
        if (ty < 0 || ty >= n) continue;
        const wx = ((tx % n) + n) % n;
        const href = template.replace('{z}', String(z)).replace('{x}', String(wx)).replace('{y}', String(ty));
        svgEl(
          'image',
          {
            href,
            x: tx * TILE - x0,
            y: ty * TILE - y0,
            width: TILE,
            height: TILE,
            preserveAspectRatio: 'none',
          },
          g,
        );
      }
    }
  }

  function drawScale(svg, lat, z, H) {
    const metresPerPx = (156543.03392 * Math.cos((lat * Math.PI) / 180)) / 2 ** z;
    const target = 90 * metresPerPx;
    const pow = 10 ** Math.floor(Math.log10(target));
    const nice = [5, 2, 1].map((k) => k * pow).find((v) => v <= target) || pow;
    const len = nice / metresPerPx;
    const g = svgEl('g', { class: 'scale', transform: `translate(12 ${H - 14})` }, svg);
    svgEl('path', { d: `M0,-6 L0,0 L${len.toFixed(1)},0 L${len.toFixed(1)},-6` }, g);
    const t = svgEl('text', { x: len / 2, y: -10, 'text-anchor': 'middle' }, g);
    t.textContent = nice >= 1000 ? `${nice / 1000} 公里` : `${nice} 米`;
  }

  // ---- X2: age-friendly mode --------------------------------------------------------

  function setupLargeToggle() {
    const btn = $('large-toggle');
    btn.setAttribute('aria-pressed', String(large));
    btn.addEventListener('click', () => {
      large = !large;
      store.set(KEY_LARGE, large ? '1' : '0');
      root.classList.toggle('large', large);
      btn.setAttribute('aria-pressed', String(large));
      if (finished) rerenderNotice();
      else if (view) render();
    });
  }

  // ---- full-page notices (S2, S6) ---------------------------------------------------

  const NOTICES = {
    ended: {
      icon: 'stop',
      title: () => '车辆动态已结束',
      text: () =>
        T(
          '司机已结束分享，或分享时间已到。如需继续查看，请联系司机重新分享。',
          '司机已经不再分享这辆车的位置了（分享时间到了，或司机取消了分享）。想继续看，请让司机重新分享给您。',
        ),
    },
    claimed: {
      icon: 'lock',
      title: () => '该分享链接已被他人打开',
      text: () =>
        T(
          '每个分享链接只允许 1 个人打开。如需查看，请联系司机单独分享给您。',
          '这个链接已经被别人打开过了，一个链接只能给一个人看。请让司机再单独分享一次给您。',
        ),
    },
    invalid: {
      icon: '?',
      title: () => '分享链接无效',
      text: () => T('请检查链接是否完整，或联系司机重新分享。', '这个链接打不开。请让司机重新分享一次给您。'),
    },
    forbidden: {
      icon: 'lock',
      title: () => '无法查看该车辆动态',
      text: () => T('您没有查看该分享链接的权限。', '您不能查看这个链接。'),
    },
    login: {
      icon: 'person',
      title: () => '请先登录',
      text: () =>
        T(
          '请在“平安守望”小程序中通过【一键登录】打开此链接。',
          '请在微信“平安守望”小程序里点【一键登录】，再打开这个链接。',
        ),
    },
    error: {
      icon: '!',
      title: () => T('暂时无法打开', '暂时打不开'),
      text: () => T('网络不太稳定，请稍后重试。', '网络不太好，请过一会儿再点“重新加载”。'),
      retry: true,
    },
  };
  let noticeKind = null;
  let noticeMessage = null;

  function showNotice(kind, message) {
    finished = true;
    noticeKind = kind;
    noticeMessage = message || null;
    stopPolling();
    clearInterval(marqueeTimer);
    if (streamAbort) streamAbort.abort();
    const dialog = $('alert-dialog');
    if (dialog?.open) dialog.close();
    $('loading').hidden = true;
    $('view').hidden = true;
    rerenderNotice();
    $('notice').hidden = false;
    $('notice-title').focus();
  }

  function rerenderNotice() {
    const n = NOTICES[noticeKind] || NOTICES.error;
    const box = $('notice');
    box.className = `notice notice-${noticeKind}`;
    box.setAttribute('role', 'alert');
    drawNoticeIcon($('notice-icon'), n.icon);
    $('notice-title').textContent = n.title();
    // The server's wording (e.g. the stream's "车辆动态已结束") is the title already; the text explains.
    $('notice-text').textContent = noticeMessage && noticeMessage !== n.title() ? noticeMessage : n.text();
    $('notice-retry').hidden = !n.retry;
  }

  /** A small inline SVG icon (no icon font, no emoji font needed). */
  function drawNoticeIcon(box, icon) {
    box.textContent = '';
    const svg = svgEl('svg', { viewBox: '0 0 48 48', width: 48, height: 48, focusable: 'false' }, box);
    if (icon === 'stop')
      svgEl('rect', { x: 14, y: 14, width: 20, height: 20, rx: 3, class: 'icon-fill' }, svg);
    else if (icon === 'lock') {
      svgEl('path', { d: 'M17,22 v-5 a7,7 0 0 1 14,0 v5', class: 'icon-stroke' }, svg);
      svgEl('rect', { x: 13, y: 22, width: 22, height: 15, rx: 3, class: 'icon-fill' }, svg);
    } else if (icon === 'person') {
      svgEl('circle', { cx: 24, cy: 18, r: 6, class: 'icon-fill' }, svg);
      svgEl('path', { d: 'M13,37 a11,10 0 0 1 22,0 Z', class: 'icon-fill' }, svg);
    } else {
      const t = svgEl('text', { x: 24, y: 33, 'text-anchor': 'middle', class: 'icon-text' }, svg);
      t.textContent = icon;
    }
  }

  // ---- utilities ----------------------------------------------------------------------

  function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
  }

  function debounce(fn, ms) {
    let t = null;
    return () => {
      clearTimeout(t);
      t = setTimeout(fn, ms);
    };
  }
})();

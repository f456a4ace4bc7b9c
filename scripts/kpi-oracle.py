#!/usr/bin/env python3
"""A second, independent computation of the SPEC section 3 KPIs in Python (PyYAML, scipy), written
from the SPEC and docs/decisions.md without the Swift code, to cross-check kpis.csv.

    scripts/kpi-oracle.py DATA_DIR YYYY-MM   prints id,value,status for every KPI
    scripts/compare-kpis DATA_DIR YYYY-MM    builds with mentor-report and lists every difference
"""
from fractions import Fraction
import sys, os, glob, datetime as dt, statistics as st, math, csv
import yaml
from scipy import stats
D = dt.date
def load(folder, name):
    items = []
    f = os.path.join(folder, name + '.yaml')
    files = ([f] if os.path.exists(f) else []) + sorted(glob.glob(os.path.join(folder, name, '*.yaml')))
    for p in files:
        d = yaml.safe_load(open(p)) or {}
        items += d.get(name) or []
    return items
def todate(x): return x if isinstance(x, D) else D.fromisoformat(str(x))
folder, period = sys.argv[1], sys.argv[2]
prog = yaml.safe_load(open(os.path.join(folder, 'program.yaml')))
P = prog['program']; comps = prog['competencies']; cohorts = prog.get('cohorts') or []
people = load(folder, 'people'); rels = load(folder, 'relationships'); sess = load(folder, 'sessions')
surveys = load(folder, 'surveys'); resps = load(folder, 'responses'); outs = load(folder, 'outcomes')

# Survey-tool exports named under a survey's `import` (README "Survey-tool exports"), read independently
# of the Swift importer: csv module / zipfile + ElementTree, then appended after the YAML responses.
import zipfile, xml.etree.ElementTree as ET
LABELS = {'likert5': {'strongly disagree': 1, 'disagree': 2, 'neither agree nor disagree': 3, 'neutral': 3,
                      'agree': 4, 'strongly agree': 5, 'very dissatisfied': 1, 'dissatisfied': 2,
                      'neither satisfied nor dissatisfied': 3, 'satisfied': 4, 'very satisfied': 5},
          'nps': {'not at all likely': 0, 'extremely likely': 10}}
def norm(t): return ' '.join(str(t).lower().split())
def sheet_rows(path):
    z = zipfile.ZipFile(path); ns = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(ns + 'si'):
            shared.append(''.join(t.text or '' for t in si.iter(ns + 't')))
    rows = []
    for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter(ns + 'row'):
        cells = {}
        for c in row.iter(ns + 'c'):
            col = 0
            for ch in c.get('r'):
                if ch.isalpha(): col = col * 26 + ord(ch) - 64
            v = c.find(ns + 'v'); t = c.get('t')
            text = '' if v is None else v.text or ''
            if t == 's': text = shared[int(text)]
            elif t == 'inlineStr': text = ''.join(x.text or '' for x in c.iter(ns + 't'))
            cells[col - 1] = text
        rows.append([cells.get(i, '') for i in range(max(cells) + 1)] if cells else [])
    return rows
def csv_rows(path):
    text = open(path, encoding='utf-8-sig', newline='').read()
    first = text.split('\n', 1)[0]
    delim = ';' if first.count(';') > first.count(',') else ','
    import io
    return list(csv.reader(io.StringIO(text), delimiter=delim))
def export_date(v, dayfirst):
    v = v.strip()
    try:
        x = float(v)
        return D(1899, 12, 30) + dt.timedelta(days=int(x))
    except ValueError: pass
    d = v.replace('T', ' ').split(' ')[0]
    for sep in '-/.':
        if sep in d:
            a, b, c = d.split(sep)
            if len(a) == 4: return D(int(a), int(b), int(c))
            year = int(c) + (2000 if len(c) == 2 else 0)
            return D(year, int(b), int(a)) if (dayfirst or sep == '.') else D(year, int(a), int(b))
def answer(cell, scale, extra):
    t = norm(cell)
    if t.isdigit(): return int(t)
    if t in extra: return extra[t]
    if t in LABELS.get(scale, {}): return LABELS[scale][t]
    head = t.split(' ')[0]
    if head.isdigit(): return int(head)
    raise ValueError(cell)
emails = {}
for p in people:
    if p.get('email') and norm(p['email']) not in emails: emails[norm(p['email'])] = p['id']
META = {'qualtrics': (2, {'email': 'recipientemail', 'id': 'externalreference'}, 'recordeddate'),
        'surveymonkey': (2, {'email': 'email address', 'id': 'custom data 1'}, 'end date'),
        'google-forms': (1, {'email': 'email address'}, 'timestamp'),
        'microsoft-forms': (1, {'email': 'email'}, 'completion time'),
        'csv': (1, {'email': 'email', 'id': 'respondent'}, 'submitted')}
for s in surveys:
    spec = s.get('import')
    if not spec: continue
    path = os.path.join(folder, spec['file'])
    rows = sheet_rows(path) if path.endswith('.xlsx') else csv_rows(path)
    nhead, who, when = META[spec['format']]
    heads = rows[:nhead]; body = rows[nhead:]
    if spec['format'] == 'qualtrics' and body and body[0] and body[0][0].strip().startswith('{'): body = body[1:]
    width = max(len(r) for r in heads)
    names = []
    carried = ''
    for i in range(width):
        h = [r[i] if i < len(r) else '' for r in heads]
        if spec['format'] == 'qualtrics': names.append({norm(h[0]), norm(h[1])})
        elif spec['format'] == 'surveymonkey':
            carried = h[0] or carried
            names.append({norm(carried if norm(h[1]) in ('', 'response', 'open-ended response') else carried + ' - ' + h[1])})
        else: names.append({norm(h[0])})
    def col(name): return next(i for i, n in enumerate(names) if norm(name) in n)
    rkey = spec.get('respondent', 'email')
    rcol = col(spec['respondent_column']) if spec.get('respondent_column') else col(who[rkey])
    dcol = col(when)
    mapping = spec.get('columns') or {}
    def qcol(q):
        if q['id'] in mapping: return col(mapping[q['id']])
        if spec['format'] == 'csv' and any(norm(q['id']) in n for n in names): return col(q['id'])
        return col(q['text'])
    qcols = [(q, qcol(q)) for q in s['questions']]
    extra = {norm(k): v for k, v in (spec.get('labels') or {}).items()}
    for r in body:
        cell = lambda i: r[i] if i < len(r) else ''
        if not any(x.strip() for x in r): continue
        if spec['format'] == 'qualtrics':
            if norm(cell(col('finished'))) in ('false', '0'): continue
            if norm(cell(col('status'))) in ('survey preview', 'survey test', 'spam', '1', '2', '8'): continue
            if norm(cell(col('distributionchannel'))) == 'preview': continue
        person = emails[norm(cell(rcol))] if rkey == 'email' else cell(rcol).strip()
        answers = {}
        for q, i in qcols:
            c = cell(i)
            if not c.strip(): continue
            answers[q['id']] = c if q['scale'] == 'text' else answer(c, q['scale'], extra)
        resps.append({'survey': s['id'], 'respondent': person, 'submitted': export_date(cell(dcol), spec.get('date_order') == 'day-first'),
                      'answers': answers})
y, m = map(int, period.split('-'))
first = D(y, m, 1); last = (D(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)); asof = last
mingroup = (P.get('privacy') or {}).get('min_group_size', 5)
cad = {'weekly': 7, 'biweekly': 14, 'monthly': 30, 'quarterly': 90}
out = {}
def put(k, v, status='ok'): out[k] = (v, status)
def rate(k, a, b): put(k, a / b if b else None, 'ok' if b else 'no-data')
pm = {p['id']: p for p in people}
mentees = [p for p in people if 'mentee' in p['roles'] and todate(p['enrolled']) <= asof]
mentors = [p for p in people if 'mentor' in p['roles'] and todate(p['enrolled']) <= asof]
put('participants.mentors', len(mentors)); put('participants.mentees', len(mentees))
days = []; matched = 0
for p in mentees:
    starts = [todate(r['start']) for r in rels if p['id'] in r['mentees'] and todate(r['start']) <= asof]
    if starts:
        matched += 1; days.append(max(0, (min(starts) - todate(p['enrolled'])).days))
rate('match.rate', matched, len(mentees)); put('match.waiting', len(mentees) - matched)
put('match.days_to_match_median', st.median(days) if days else None, 'ok' if days else 'no-data')
def active_on(r, d): return todate(r['start']) <= d and (r.get('ended') is None or d <= todate(r['ended']))
def active_in(r): return todate(r['start']) <= last and (r.get('ended') is None or todate(r['ended']) >= first)
led = sum(1 for p in mentors for r in rels if p['id'] in r['mentors'] and active_on(r, asof))
capsum = sum(p.get('mentor_capacity', P.get('default_mentor_capacity', 2)) for p in mentors)
rate('mentor.capacity_utilization', led, capsum)
act = [r for r in rels if active_in(r)]
put('relationships.active', len(act))
put('relationships.new', sum(1 for r in rels if first <= todate(r['start']) <= last))
put('relationships.ended', sum(1 for r in rels if r.get('ended') and first <= todate(r['ended']) <= last))
for t in ['one-to-one', 'group', 'peer', 'reverse', 'e-mentoring', 'speed']:
    put('relationships.active.type.' + t, sum(1 for r in act if r['type'] == t))
for c in cohorts:
    put('relationships.active.cohort.' + c['id'], sum(1 for r in act if r.get('cohort') == c['id']))
h = {'on-track': 0, 'behind': 0, 'at-risk': 0, 'too-early': 0}
for r in rels:
    if not active_on(r, asof): continue
    s = todate(r['start']); dates = [todate(x['date']) for x in sess if x['relationship'] == r['id']]
    before = [d for d in dates if d <= asof]
    lastd = max(before) if before else s
    ws = max(s, asof - dt.timedelta(days=89)); L = (asof - ws).days + 1
    c = cad[r.get('cadence') or P.get('default_cadence', 'monthly')]
    if (asof - s).days < 30: h['too-early'] += 1
    elif (asof - lastd).days > P.get('at_risk_after_days', 45): h['at-risk'] += 1
    elif sum(1 for d in dates if ws <= d <= asof) < L // c: h['behind'] += 1
    else: h['on-track'] += 1
put('health.on_track', h['on-track']); put('health.behind', h['behind']); put('health.at_risk', h['at-risk']); put('health.too_early', h['too-early'])
rate('cadence.adherence', h['on-track'], h['on-track'] + h['behind'] + h['at-risk'])
sp = [x for x in sess if first <= todate(x['date']) <= last]
put('sessions.count', len(sp)); put('sessions.hours', sum(x['minutes'] for x in sp) / 60)
rate('sessions.per_active_relationship', len(sp), len(act))
stated = [x for x in sp if 'live_issue' in x and x['live_issue'] is not None]
rate('sessions.live_issue_rate', sum(1 for x in stated if x['live_issue']), len(stated))
rm = {r['id']: r for r in rels}; att = []
for x in sp:
    r = rm.get(x['relationship'])
    if r and r['type'] == 'group' and x.get('attendees') is not None:
        mem = set(r['mentors']) | set(r['mentees']); att.append(Fraction(len(set(x['attendees']) & mem), len(mem)))
# Exact, then the nearest double (decision 142): the order of the sessions cannot change it.
put('group.attendance_rate', float(sum(att) / len(att)) if att else None, 'ok' if att else 'no-data')
rate('goals.set_rate', sum(1 for r in act if any(todate(g['set']) <= asof for g in r.get('goals') or [])), len(act))
goals = [g for r in rels for g in r.get('goals') or []]
put('goals.achieved', sum(1 for g in goals if g['status'] == 'achieved' and first <= todate(g['achieved']) <= last))
rate('goals.achievement_rate', sum(1 for g in goals if g['status'] == 'achieved' and todate(g['achieved']) <= asof), sum(1 for g in goals if todate(g['set']) <= asof))
left = {}
for o in outs:
    if o['event'] == 'left': left.setdefault(o['person'], []).append(todate(o['date']))
# counted responses
latest = {}
for i, r in enumerate(resps):
    if todate(r['submitted']) > asof: continue
    k = (r['survey'], r['respondent'])
    if k not in latest or todate(r['submitted']) >= todate(resps[latest[k]]['submitted']): latest[k] = i
counted = sorted(latest.values())
sm = {s['id']: s for s in surveys}
for s in surveys:
    k = 'surveys.response_rate.' + s['id']
    if todate(s['opens']) > asof: put(k, None, 'no-data'); continue
    role = s['audience'][:-1]
    aud = [p for p in people if role in p['roles'] and todate(p['enrolled']) <= todate(s['opens']) and not any(d < todate(s['opens']) for d in left.get(p['id'], []))]
    if s.get('cohort') is not None: aud = [p for p in aud if p.get('cohort') == s['cohort']]  # (2026-12) a cohort's survey
    resp = {resps[i]['respondent'] for i in counted if resps[i]['survey'] == s['id']}
    rate(k, sum(1 for p in aud if p['id'] in resp), len(aud))
def q(s, qid):
    for x in sm[s]['questions']:
        if x['id'] == qid: return x
def supp(k, v, n):
    if n == 0: put(k, None, 'no-data')
    elif n < mingroup: put(k, None, 'suppressed')
    else: put(k, v)
for role in ['mentees', 'mentors']:
    sat = []; satp = set(); nps = []; npsp = set()
    for i in counted:
        r = resps[i]; s = sm[r['survey']]
        if s['audience'] != role: continue
        for qid, v in (r.get('answers') or {}).items():
            qq = q(r['survey'], qid)
            if v is None or isinstance(v, str): continue
            if qq['scale'] == 'likert5' and qq.get('measure') == 'satisfaction': sat.append(v); satp.add(r['respondent'])
            if qq['scale'] == 'nps': nps.append(v); npsp.add(r['respondent'])
    supp('satisfaction.mean.' + role, sum(sat) / len(sat) if sat else None, len(satp))
    supp('satisfaction.top2.' + role, sum(1 for v in sat if v >= 4) / len(sat) if sat else None, len(satp))
    if nps:
        x = 100 * (sum(1 for v in nps if v >= 9) - sum(1 for v in nps if v <= 6)) / len(nps)
        x = math.floor(abs(x) * 10 + 0.5 + 1e-9) / 10 * (1 if x >= 0 else -1)
    else: x = None
    supp('nps.' + role, x, len(npsp))
ml = []; mlp = set()
for i in counted:
    r = resps[i]; s = sm[r['survey']]
    if s['audience'] != 'mentors': continue
    for qid, v in (r.get('answers') or {}).items():
        qq = q(r['survey'], qid)
        if qq['scale'] == 'likert5' and qq.get('measure') == 'mentor-learning' and isinstance(v, int): ml.append(v); mlp.add(r['respondent'])
supp('reciprocal.top2', sum(1 for v in ml if v >= 4) / len(ml) if ml else None, len(mlp))
def score(i, c):
    r = resps[i]; vals = [v for qid, v in (r.get('answers') or {}).items() if isinstance(v, int) and q(r['survey'], qid)['scale'] == 'likert5' and q(r['survey'], qid).get('competency') == c]
    return sum(vals) / len(vals) if vals else None
for c in comps:
    # (2026-12) per competency: the earliest baseline and the latest final that answer one of C's questions
    base = {}; fin = {}
    for i in counted:
        r = resps[i]; kind = sm[r['survey']]['kind']; p = r['respondent']; d = todate(r['submitted'])
        if kind == 'checkin' or score(i, c['id']) is None: continue
        if kind == 'baseline' and (p not in base or d < todate(resps[base[p]]['submitted'])): base[p] = i
        if kind == 'final' and (p not in fin or d >= todate(resps[fin[p]]['submitted'])): fin[p] = i
    pairs = []
    for p in base:
        if p not in fin or not todate(resps[base[p]]['submitted']) < todate(resps[fin[p]]['submitted']): continue
        pairs.append((score(base[p], c['id']), score(fin[p], c['id'])))
    n = len(pairs); pre = 'competency.' + c['id'] + '.'
    diffs = [b - a for a, b in pairs]
    ch = st.mean(diffs) if n else None; sd = st.stdev(diffs) if n >= 2 else None
    vals = {'n': n, 'pre_mean': st.mean([a for a, b in pairs]) if n else None, 'post_mean': st.mean([b for a, b in pairs]) if n else None,
            'change': ch, 'effect_size': ch / sd if n >= 2 and sd else None,
            'ci95_low': ch - stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n) if n >= 2 else None,
            'ci95_high': ch + stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n) if n >= 2 else None}
    for k, v in vals.items():
        if n == 0: put(pre + k, 0 if k == 'n' else None, 'ok' if k == 'n' else 'no-data')
        elif n < mingroup: put(pre + k, None, 'suppressed')
        else: put(pre + k, v, 'ok' if v is not None else 'no-data')
prom = {}
for o in outs:
    if o['event'] == 'promoted': prom.setdefault(o['person'], []).append(todate(o['date']))
w0 = asof - dt.timedelta(days=364)
pr = sum(1 for p in mentees if any(w0 <= d <= asof for d in prom.get(p['id'], [])))
rate('outcomes.promotion_rate_12m', pr, len(mentees))
den = [p for p in mentees if not any(d < w0 for d in left.get(p['id'], []))]
ret = sum(1 for p in den if not any(d <= asof for d in left.get(p['id'], [])))
rate('outcomes.retention_rate_12m', ret, len(den))
b = P.get('benchmarks') or {}
def lift(k, base_k, bench):
    v = out[base_k][0]
    put(k, v / bench if v is not None and bench else None, 'ok' if v is not None and bench else 'no-data')
lift('outcomes.promotion_lift', 'outcomes.promotion_rate_12m', b.get('promotion_rate_12m'))
lift('outcomes.retention_lift', 'outcomes.retention_rate_12m', b.get('retention_rate_12m'))
costs = P.get('costs') or {}
if costs.get('programme_cost') and costs.get('replacement_cost_per_leaver') is not None and b.get('retention_rate_12m') is not None and den:
    av = max(0, ret / len(den) - b['retention_rate_12m']) * len(den)
    put('outcomes.roi', (av * costs['replacement_cost_per_leaver'] - costs['programme_cost']) / costs['programme_cost'])
else: put('outcomes.roi', None, 'no-data')
groups = sorted({g for p in people for g in p.get('groups') or []})
cnt = {g: sum(1 for p in mentees if g in (p.get('groups') or [])) for g in groups}
sup = {g: cnt[g] < mingroup for g in groups}
if sum(sup.values()) == 1:
    cand = sorted([g for g in groups if not sup[g]], key=lambda g: (cnt[g], g))
    if cand: sup[cand[0]] = True
ws = (b.get('workforce_share') or {})
for g in groups:
    sh = cnt[g] / len(mentees) if mentees else None
    put('inclusion.%s.share' % g, None if sup[g] else sh, 'suppressed' if sup[g] else ('ok' if sh is not None else 'no-data'))
    put('inclusion.%s.workforce_share' % g, ws.get(g), 'ok' if g in ws else 'no-data')
    ri = sh / ws[g] if sh is not None and ws.get(g) else None
    put('inclusion.%s.representation_index' % g, None if sup[g] else ri, 'suppressed' if sup[g] else ('ok' if ri is not None else 'no-data'))
# (2026-12) Team engagement: each enrolled mentee's first relationship start s <= as_of; pre = latest score
# dated <= s, post = latest dated in (s, as_of]; on one date the later in reading order.
def first_start(pid):
    starts = [todate(r['start']) for r in rels if pid in r['mentees']]
    return min(starts) if starts else None
te = []
for p in mentees:
    s0 = first_start(p['id'])
    if s0 is None or s0 > asof: continue
    pre = post = None
    for o in outs:
        if o['event'] != 'engagement-score' or o['person'] != p['id']: continue
        d = todate(o['date'])
        if d <= s0 and (pre is None or d >= pre[0]): pre = (d, float(o['value']))
        if s0 < d <= asof and (post is None or d >= post[0]): post = (d, float(o['value']))
    if pre and post: te.append((pre[1], post[1]))
n = len(te); diffs = [b - a for a, b in te]
tv = {'n': n, 'pre_mean': st.mean([a for a, b in te]) if n else None, 'post_mean': st.mean([b for a, b in te]) if n else None,
      'change': st.mean(diffs) if n else None}
if n >= 2:
    m = stats.t.ppf(0.975, n - 1) * st.stdev(diffs) / math.sqrt(n)
    tv['ci95_low'] = tv['change'] - m; tv['ci95_high'] = tv['change'] + m
else: tv['ci95_low'] = tv['ci95_high'] = None
for k, v in tv.items():
    k = 'outcomes.team_engagement.' + k
    if n == 0: put(k, None, 'no-data')
    elif n < mingroup: put(k, None, 'suppressed')
    else: put(k, v, 'ok' if v is not None else 'no-data')
# (2026-12) Segments: per dimension, values held by enrolled mentees in name order (code-point order of
# the value; a cohort's value is its id); M = those mentees, R = relationships with a mentee in M.
import re
def seg_id(v): return v if re.fullmatch(r'[A-Za-z0-9][A-Za-z0-9._-]*', v) else re.sub(r'[^A-Za-z0-9._-]+', '-', v.lower())
health = {}
for r in rels:
    if not active_on(r, asof): continue
    s0 = todate(r['start']); dates = [todate(x['date']) for x in sess if x['relationship'] == r['id']]
    before = [d for d in dates if d <= asof]; lastd = max(before) if before else s0
    ws0 = max(s0, asof - dt.timedelta(days=89)); L = (asof - ws0).days + 1
    c = cad[r.get('cadence') or P.get('default_cadence', 'monthly')]
    if (asof - s0).days < 30: health[r['id']] = 'too-early'
    elif (asof - lastd).days > P.get('at_risk_after_days', 45): health[r['id']] = 'at-risk'
    elif sum(1 for d in dates if ws0 <= d <= asof) < L // c: health[r['id']] = 'behind'
    else: health[r['id']] = 'on-track'
for dim in ['cohort', 'department', 'level']:
    vals = sorted({p[dim] for p in mentees if p.get(dim) not in (None, '')})
    members = {v: [p for p in mentees if p.get(dim) == v] for v in vals}
    sup = {v: len(members[v]) < mingroup for v in vals}
    if sum(sup.values()) == 1:
        cand = sorted([v for v in vals if not sup[v]], key=lambda v: (len(members[v]), v))
        if cand: sup[cand[0]] = True
    for v in vals:
        M = members[v]; ids = {p['id'] for p in M}; pre = 'segment.%s.%s.' % (dim, seg_id(str(v)))
        R = [r for r in rels if ids & set(r['mentees'])]
        res = {}
        res['mentees'] = (len(M), 'ok')
        mt = sum(1 for p in M if any(p['id'] in r['mentees'] and todate(r['start']) <= asof for r in rels))
        res['match.rate'] = (mt / len(M), 'ok')
        hs = [health[r['id']] for r in R if r['id'] in health]
        ot = hs.count('on-track'); den = ot + hs.count('behind') + hs.count('at-risk')
        res['cadence.adherence'] = (ot / den, 'ok') if den else (None, 'no-data')
        gl = [g for r in R for g in r.get('goals') or []]
        gs = sum(1 for g in gl if todate(g['set']) <= asof)
        ga = sum(1 for g in gl if g['status'] == 'achieved' and todate(g['achieved']) <= asof)
        res['goals.achievement_rate'] = (ga / gs, 'ok') if gs else (None, 'no-data')
        sat = []; satp = set()
        for i in counted:
            r = resps[i]
            if sm[r['survey']]['audience'] != 'mentees' or r['respondent'] not in ids: continue
            for qid, x in (r.get('answers') or {}).items():
                qq = q(r['survey'], qid)
                if isinstance(x, int) and not isinstance(x, bool) and qq['scale'] == 'likert5' and qq.get('measure') == 'satisfaction':
                    sat.append(x); satp.add(r['respondent'])
        if not satp: res['satisfaction.mean.mentees'] = (None, 'no-data')
        elif len(satp) < mingroup: res['satisfaction.mean.mentees'] = (None, 'suppressed')
        else: res['satisfaction.mean.mentees'] = (sum(sat) / len(sat), 'ok')
        pr = sum(1 for p in M if any(w0 <= d <= asof for d in prom.get(p['id'], [])))
        res['outcomes.promotion_rate_12m'] = (pr / len(M), 'ok')
        dn = [p for p in M if not any(d < w0 for d in left.get(p['id'], []))]
        rt = sum(1 for p in dn if not any(d <= asof for d in left.get(p['id'], [])))
        res['outcomes.retention_rate_12m'] = (rt / len(dn), 'ok') if dn else (None, 'no-data')
        for k, (x, status) in res.items():
            put(pre + k, None, 'suppressed') if sup[v] else put(pre + k, x, status)
# (2026-12) Survey questions: surveys open by as_of, each likert5/nps question over the counted responses.
for s in surveys:
    if todate(s['opens']) > asof: continue
    for qq in s['questions']:
        if qq['scale'] not in ('likert5', 'nps'): continue
        xs = []; who = set()
        for i in counted:
            r = resps[i]
            if r['survey'] != s['id']: continue
            x = (r.get('answers') or {}).get(qq['id'])
            if isinstance(x, int) and not isinstance(x, bool): xs.append(x); who.add(r['respondent'])
        top = 4 if qq['scale'] == 'likert5' else 9
        pre = 'question.%s.%s.' % (s['id'], qq['id'])
        supp(pre + 'mean', sum(xs) / len(xs) if xs else None, len(who))
        supp(pre + 'top2', sum(1 for x in xs if x >= top) / len(xs) if xs else None, len(who))
dr = 0; oc = 0; pe = 0; ledby = {}
for r in rels:
    if not active_on(r, asof): continue
    for me in r['mentees']:
        if pm[me].get('manager') in r['mentors']: dr += 1
    for mo in set(r['mentors']): ledby[mo] = ledby.get(mo, 0) + 1
    if r.get('ended') is None and r.get('planned_end') and todate(r['planned_end']) < asof: pe += 1
# (2026-12) everyone leading relationships, with the mentor role or not, enrolled or not
oc = sum(1 for p in people if ledby.get(p['id'], 0) > p.get('mentor_capacity', P.get('default_mentor_capacity', 2)))
put('policy.direct_report_pairs', dr); put('policy.over_capacity_mentors', oc); put('policy.past_planned_end', pe)
w = csv.writer(sys.stdout)
for k, (v, s) in out.items(): w.writerow([k, '' if v is None else round(v, 6), s])

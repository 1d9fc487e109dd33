/// The panel's stylesheet: calm neutrals, one deep teal accent, system fonts, no framework.
enum StyleSheet {
    static let css = #"""
    :root {
      --bg: #f5f7f8; --surface: #ffffff; --surface-2: #f0f3f4; --border: #dde3e6;
      --text: #17232b; --muted: #5b6b75; --accent: #0f4c5c; --accent-2: #146c7c; --accent-soft: #e3f0f1;
      --danger: #b3261e; --danger-soft: #fbeceb; --warning: #8a5a00; --warning-soft: #fff4dc;
      --success: #1e6b3a; --success-soft: #e6f4ea; --focus: #f2a900;
      --radius: 10px; --shadow: 0 1px 2px rgba(16, 35, 43, .06), 0 4px 16px rgba(16, 35, 43, .05);
      --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
      color-scheme: light;
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; font: 16px/1.55 var(--font); color: var(--text); background: var(--bg); }
    a { color: var(--accent-2); text-underline-offset: 2px; }
    a:hover { color: var(--accent); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
    h1, h2, h3 { line-height: 1.25; margin: 0 0 .6rem; font-weight: 650; letter-spacing: -.01em; }
    h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; } h3 { font-size: 1.05rem; }
    p { margin: 0 0 1rem; }
    code, pre, .mono { font-family: var(--mono); font-size: .92em; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
    .skip-link { position: absolute; left: 1rem; top: -3rem; background: var(--accent); color: #fff; padding: .5rem 1rem; border-radius: 6px; z-index: 10; }
    .skip-link:focus { top: .75rem; color: #fff; }
    .icon { display: inline-block; vertical-align: middle; flex: none; }

    /* Header */
    .topbar { position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: 1rem; padding: .6rem 1.25rem; background: var(--accent); color: #fff; }
    .brand { display: flex; align-items: center; gap: .55rem; color: #fff; text-decoration: none; font-weight: 650; font-size: 1.05rem; }
    .brand:hover { color: #fff; }
    .brand .logo-mark { color: #e6f4f1; } .brand .logo-mark path { stroke: var(--accent); }
    .topbar .spacer { flex: 1; }
    .current-account { font-size: .9rem; opacity: .9; max-width: 22ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .bell { position: relative; display: inline-flex; align-items: center; justify-content: center; width: 2.5rem; height: 2.5rem; border-radius: 50%; color: #fff; }
    .bell:hover { background: rgba(255, 255, 255, .12); color: #fff; }
    .badge-count { position: absolute; top: .15rem; right: .1rem; min-width: 1.15rem; height: 1.15rem; padding: 0 .3rem; border-radius: 999px; background: #f2a900; color: #1b1300; font-size: .72rem; font-weight: 700; line-height: 1.15rem; text-align: center; }
    details.menu { position: relative; }
    details.menu > summary { list-style: none; cursor: pointer; display: flex; align-items: center; gap: .4rem; padding: .45rem .7rem; border-radius: 8px; color: #fff; }
    details.menu > summary::-webkit-details-marker { display: none; }
    details.menu > summary:hover { background: rgba(255, 255, 255, .12); }
    details.menu[open] > summary .chevron { transform: rotate(180deg); }
    .menu-panel { position: absolute; right: 0; top: calc(100% + .4rem); min-width: 15rem; background: var(--surface); color: var(--text); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); padding: .4rem; }
    .menu-panel ul { list-style: none; margin: 0; padding: 0; }
    .menu-panel a, .menu-panel button { display: block; width: 100%; text-align: left; padding: .5rem .75rem; border-radius: 6px; color: var(--text); text-decoration: none; font: inherit; background: none; border: 0; cursor: pointer; }
    .menu-panel a:hover, .menu-panel button:hover { background: var(--surface-2); }
    .menu-panel .menu-heading { padding: .5rem .75rem .25rem; font-size: .8rem; color: var(--muted); }
    .menu-panel hr { border: 0; border-top: 1px solid var(--border); margin: .35rem 0; }

    /* Frame */
    .frame { display: grid; grid-template-columns: 15rem 1fr; min-height: calc(100vh - 3.5rem); }
    .sidenav { background: var(--surface); border-right: 1px solid var(--border); padding: 1.25rem .75rem; }
    .sidenav ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .15rem; }
    .sidenav a { display: flex; align-items: center; gap: .6rem; padding: .55rem .8rem; border-radius: 8px; color: var(--text); text-decoration: none; font-weight: 500; }
    .sidenav a:hover { background: var(--surface-2); }
    .sidenav a[aria-current="page"] { background: var(--accent-soft); color: var(--accent); font-weight: 650; }
    main { padding: 2rem clamp(1rem, 3vw, 2.5rem); max-width: 72rem; width: 100%; }
    .page-header { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 1rem; margin-bottom: 1.5rem; }
    .page-header p { color: var(--muted); margin: 0; }
    footer.site-footer { padding: 1.5rem clamp(1rem, 3vw, 2.5rem); color: var(--muted); font-size: .85rem; }

    /* Public pages (login, errors) */
    .public { min-height: 100vh; display: flex; flex-direction: column; align-items: center; padding: 3rem 1rem; }
    .public .brand { color: var(--accent); margin-bottom: 1.5rem; font-size: 1.2rem; }
    .public .brand .logo-mark { color: var(--accent); } .public .brand .logo-mark path { stroke: #fff; }
    .public main { max-width: 28rem; padding: 0; }
    .public .card { padding: 2rem; }

    /* Components */
    .card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); padding: 1.5rem; }
    .cards { display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); }
    .stack > * + * { margin-top: 1rem; }
    .muted { color: var(--muted); }
    .alert { border-radius: var(--radius); padding: .85rem 1rem; margin-bottom: 1.25rem; border: 1px solid transparent; }
    .alert-info { background: var(--accent-soft); border-color: #c4e0e2; }
    .alert-success { background: var(--success-soft); border-color: #c2e3cc; color: var(--success); }
    .alert-warning { background: var(--warning-soft); border-color: #f0dcaa; color: var(--warning); }
    .alert-danger { background: var(--danger-soft); border-color: #f1c6c2; color: var(--danger); }
    .tag { display: inline-block; padding: .1rem .55rem; border-radius: 999px; font-size: .8rem; font-weight: 600; background: var(--surface-2); color: var(--muted); }
    .tag-success { background: var(--success-soft); color: var(--success); }
    .tag-warning { background: var(--warning-soft); color: var(--warning); }
    .tag-danger { background: var(--danger-soft); color: var(--danger); }

    /* Forms */
    form.stack { display: grid; gap: 1rem; max-width: 42rem; }
    .field { display: grid; gap: .35rem; }
    .field label, .label { font-weight: 600; font-size: .95rem; }
    .hint { color: var(--muted); font-size: .85rem; }
    .field-error { color: var(--danger); font-size: .88rem; font-weight: 500; }
    input[type=text], input[type=email], input[type=password], input[type=tel], input[type=url], input[type=number], input[type=search], select, textarea {
      width: 100%; font: inherit; padding: .6rem .75rem; border: 1px solid #c6d0d5; border-radius: 8px; background: var(--surface); color: var(--text);
    }
    input:hover, select:hover, textarea:hover { border-color: #9fb0b8; }
    input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border-color: var(--danger); background: var(--danger-soft); }
    .checkbox { display: flex; gap: .6rem; align-items: flex-start; }
    .checkbox input { margin-top: .3rem; width: 1.05rem; height: 1.05rem; accent-color: var(--accent); }
    .button, button { display: inline-flex; align-items: center; justify-content: center; gap: .45rem; font: inherit; font-weight: 600; padding: .6rem 1.1rem; border-radius: 8px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; }
    .button:hover, button:hover { background: var(--accent-2); color: #fff; }
    .button-secondary { background: var(--surface); color: var(--accent); border-color: #b9c7cc; }
    .button-secondary:hover { background: var(--surface-2); color: var(--accent); }
    .button-danger { background: var(--danger); border-color: var(--danger); }
    .button-danger:hover { background: #8f1e18; }
    .button-link { background: none; border: 0; color: var(--accent-2); padding: 0; font-weight: 500; text-decoration: underline; }
    .button-link:hover { background: none; color: var(--accent); }
    .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }

    /* Tables */
    .table-wrap { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; background: var(--surface); }
    th, td { text-align: left; padding: .7rem .8rem; border-bottom: 1px solid var(--border); vertical-align: top; }
    th { font-size: .82rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 650; }
    dl.summary { display: grid; grid-template-columns: 1fr auto; gap: .55rem 1rem; margin: 0; align-items: baseline; }
    dl.summary dt { color: var(--muted); } dl.summary dd { margin: 0; font-weight: 500; text-align: right; overflow-wrap: anywhere; }
    .shortcut-list { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
    .shortcut-list a { display: block; padding: .6rem .8rem; border: 1px solid var(--border); border-radius: 8px; text-decoration: none; font-weight: 500; color: var(--text); }
    .shortcut-list a:hover { border-color: var(--accent-2); background: var(--accent-soft); color: var(--accent); }
    .banner { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: center; justify-content: space-between; }
    .banner p { margin: 0; }
    .inline-form { display: inline; }
    .nudge .button { margin-top: .25rem; }

    /* Activity log */
    .filters { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); align-items: start; }
    .nowrap { white-space: nowrap; }
    td.change { overflow-wrap: anywhere; min-width: 14rem; }

    /* Field groups, 2FA, notifications, email view */
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    fieldset > legend { font-weight: 600; font-size: .95rem; padding: 0; margin-bottom: .35rem; }
    .qr-code { width: 12rem; max-width: 100%; padding: .75rem; background: #fff; border: 1px solid var(--border); border-radius: var(--radius); }
    .qr-code svg { display: block; width: 100%; height: auto; }
    #totp-key { font-size: 1.05rem; letter-spacing: .06em; word-spacing: .3em; }
    .recovery-codes { list-style: none; margin: 0; padding: 1rem; display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: .5rem 1rem; background: var(--surface-2); border-radius: var(--radius); }
    .notification-list { list-style: none; padding: 0; }
    .notification-list > li { padding: .85rem 1.25rem; border-bottom: 1px solid var(--border); display: flex; flex-wrap: wrap; gap: .35rem 1rem; align-items: baseline; }
    .notification-list > li:last-child { border-bottom: 0; }
    .notification-list > li.notification-unread { background: var(--accent-soft); font-weight: 500; }
    .pager { justify-content: space-between; margin-top: 1rem; }
    .email-part pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
    .email-frame { width: 100%; min-height: 24rem; border: 1px solid var(--border); border-radius: 8px; background: #fff; }

    /* Phones and narrow windows */
    @media (max-width: 900px) {
      .frame { grid-template-columns: 1fr; }
      .sidenav { border-right: 0; border-bottom: 1px solid var(--border); padding: .5rem; overflow-x: auto; }
      .sidenav ul { grid-auto-flow: column; justify-content: start; }
      .sidenav a { white-space: nowrap; }
      .current-account { display: none; }
      main { padding: 1.25rem 1rem; }
    }
    @media (max-width: 480px) {
      .topbar { padding: .5rem .75rem; gap: .5rem; }
      .brand span { display: none; }
      .menu-panel { position: fixed; left: .5rem; right: .5rem; top: 3.4rem; min-width: 0; }
      .public { padding: 1.5rem .75rem; }
      .public .card { padding: 1.25rem; }
      dl.summary { grid-template-columns: 1fr; } dl.summary dd { text-align: left; }
    }
    @media (prefers-reduced-motion: no-preference) {
      details.menu > summary .chevron { transition: transform .15s ease; }
    }
    """#
}

// The lowercase element names used in builders, e.g. `div(.class("x")) { … }`.
// They are generic typealiases so `Content` is inferred from the closure.

/// The `<html>` element.
public typealias html<Content: HTML> = HTMLElement<HTMLTag.html, Content>
/// The `<head>` element.
public typealias head<Content: HTML> = HTMLElement<HTMLTag.head, Content>
/// The `<body>` element.
public typealias body<Content: HTML> = HTMLElement<HTMLTag.body, Content>
/// The `<title>` element.
public typealias title<Content: HTML> = HTMLElement<HTMLTag.title, Content>
/// The `<noscript>` element.
public typealias noscript<Content: HTML> = HTMLElement<HTMLTag.noscript, Content>
/// The `<header>` element.
public typealias header<Content: HTML> = HTMLElement<HTMLTag.header, Content>
/// The `<footer>` element.
public typealias footer<Content: HTML> = HTMLElement<HTMLTag.footer, Content>
/// The `<main>` element.
public typealias main<Content: HTML> = HTMLElement<HTMLTag.main, Content>
/// The `<nav>` element.
public typealias nav<Content: HTML> = HTMLElement<HTMLTag.nav, Content>
/// The `<section>` element.
public typealias section<Content: HTML> = HTMLElement<HTMLTag.section, Content>
/// The `<article>` element.
public typealias article<Content: HTML> = HTMLElement<HTMLTag.article, Content>
/// The `<aside>` element.
public typealias aside<Content: HTML> = HTMLElement<HTMLTag.aside, Content>
/// The `<div>` element.
public typealias div<Content: HTML> = HTMLElement<HTMLTag.div, Content>
/// The `<span>` element.
public typealias span<Content: HTML> = HTMLElement<HTMLTag.span, Content>
/// The `<p>` element.
public typealias p<Content: HTML> = HTMLElement<HTMLTag.p, Content>
/// The `<a>` element.
public typealias a<Content: HTML> = HTMLElement<HTMLTag.a, Content>
/// The `<h1>` element.
public typealias h1<Content: HTML> = HTMLElement<HTMLTag.h1, Content>
/// The `<h2>` element.
public typealias h2<Content: HTML> = HTMLElement<HTMLTag.h2, Content>
/// The `<h3>` element.
public typealias h3<Content: HTML> = HTMLElement<HTMLTag.h3, Content>
/// The `<h4>` element.
public typealias h4<Content: HTML> = HTMLElement<HTMLTag.h4, Content>
/// The `<h5>` element.
public typealias h5<Content: HTML> = HTMLElement<HTMLTag.h5, Content>
/// The `<h6>` element.
public typealias h6<Content: HTML> = HTMLElement<HTMLTag.h6, Content>
/// The `<ul>` element.
public typealias ul<Content: HTML> = HTMLElement<HTMLTag.ul, Content>
/// The `<ol>` element.
public typealias ol<Content: HTML> = HTMLElement<HTMLTag.ol, Content>
/// The `<li>` element.
public typealias li<Content: HTML> = HTMLElement<HTMLTag.li, Content>
/// The `<dl>` element.
public typealias dl<Content: HTML> = HTMLElement<HTMLTag.dl, Content>
/// The `<dt>` element.
public typealias dt<Content: HTML> = HTMLElement<HTMLTag.dt, Content>
/// The `<dd>` element.
public typealias dd<Content: HTML> = HTMLElement<HTMLTag.dd, Content>
/// The `<strong>` element.
public typealias strong<Content: HTML> = HTMLElement<HTMLTag.strong, Content>
/// The `<em>` element.
public typealias em<Content: HTML> = HTMLElement<HTMLTag.em, Content>
/// The `<small>` element.
public typealias small<Content: HTML> = HTMLElement<HTMLTag.small, Content>
/// The `<b>` element.
public typealias b<Content: HTML> = HTMLElement<HTMLTag.b, Content>
/// The `<i>` element.
public typealias i<Content: HTML> = HTMLElement<HTMLTag.i, Content>
/// The `<mark>` element.
public typealias mark<Content: HTML> = HTMLElement<HTMLTag.mark, Content>
/// The `<kbd>` element.
public typealias kbd<Content: HTML> = HTMLElement<HTMLTag.kbd, Content>
/// The `<code>` element.
public typealias code<Content: HTML> = HTMLElement<HTMLTag.code, Content>
/// The `<pre>` element.
public typealias pre<Content: HTML> = HTMLElement<HTMLTag.pre, Content>
/// The `<form>` element.
public typealias form<Content: HTML> = HTMLElement<HTMLTag.form, Content>
/// The `<fieldset>` element.
public typealias fieldset<Content: HTML> = HTMLElement<HTMLTag.fieldset, Content>
/// The `<legend>` element.
public typealias legend<Content: HTML> = HTMLElement<HTMLTag.legend, Content>
/// The `<label>` element.
public typealias label<Content: HTML> = HTMLElement<HTMLTag.label, Content>
/// The `<button>` element.
public typealias button<Content: HTML> = HTMLElement<HTMLTag.button, Content>
/// The `<select>` element.
public typealias select<Content: HTML> = HTMLElement<HTMLTag.select, Content>
/// The `<option>` element.
public typealias option<Content: HTML> = HTMLElement<HTMLTag.option, Content>
/// The `<optgroup>` element.
public typealias optgroup<Content: HTML> = HTMLElement<HTMLTag.optgroup, Content>
/// The `<textarea>` element.
public typealias textarea<Content: HTML> = HTMLElement<HTMLTag.textarea, Content>
/// The `<table>` element.
public typealias table<Content: HTML> = HTMLElement<HTMLTag.table, Content>
/// The `<caption>` element.
public typealias caption<Content: HTML> = HTMLElement<HTMLTag.caption, Content>
/// The `<thead>` element.
public typealias thead<Content: HTML> = HTMLElement<HTMLTag.thead, Content>
/// The `<tbody>` element.
public typealias tbody<Content: HTML> = HTMLElement<HTMLTag.tbody, Content>
/// The `<tfoot>` element.
public typealias tfoot<Content: HTML> = HTMLElement<HTMLTag.tfoot, Content>
/// The `<tr>` element.
public typealias tr<Content: HTML> = HTMLElement<HTMLTag.tr, Content>
/// The `<th>` element.
public typealias th<Content: HTML> = HTMLElement<HTMLTag.th, Content>
/// The `<td>` element.
public typealias td<Content: HTML> = HTMLElement<HTMLTag.td, Content>
/// The `<details>` element.
public typealias details<Content: HTML> = HTMLElement<HTMLTag.details, Content>
/// The `<summary>` element.
public typealias summary<Content: HTML> = HTMLElement<HTMLTag.summary, Content>
/// The `<dialog>` element.
public typealias dialog<Content: HTML> = HTMLElement<HTMLTag.dialog, Content>
/// The `<time>` element.
public typealias time<Content: HTML> = HTMLElement<HTMLTag.time, Content>
/// The `<abbr>` element.
public typealias abbr<Content: HTML> = HTMLElement<HTMLTag.abbr, Content>
/// The `<figure>` element.
public typealias figure<Content: HTML> = HTMLElement<HTMLTag.figure, Content>
/// The `<figcaption>` element.
public typealias figcaption<Content: HTML> = HTMLElement<HTMLTag.figcaption, Content>
/// The `<blockquote>` element.
public typealias blockquote<Content: HTML> = HTMLElement<HTMLTag.blockquote, Content>
/// The `<output>` element.
public typealias output<Content: HTML> = HTMLElement<HTMLTag.output, Content>
/// The `<progress>` element.
public typealias progress<Content: HTML> = HTMLElement<HTMLTag.progress, Content>
/// The `<template>` element.
public typealias template<Content: HTML> = HTMLElement<HTMLTag.template, Content>

// Void elements: attributes only, no content, no closing tag.

/// The void `<meta>` element.
public typealias meta = HTMLVoidElement<HTMLTag.meta>
/// The void `<link>` element.
public typealias link = HTMLVoidElement<HTMLTag.link>
/// The void `<br>` element.
public typealias br = HTMLVoidElement<HTMLTag.br>
/// The void `<hr>` element.
public typealias hr = HTMLVoidElement<HTMLTag.hr>
/// The void `<img>` element.
public typealias img = HTMLVoidElement<HTMLTag.img>
/// The void `<input>` element.
public typealias input = HTMLVoidElement<HTMLTag.input>

// Raw-text elements: a string body with context-specific escaping.

/// The `<script>` element; see ``HTMLWriter/appendScriptContent(_:)`` for escaping.
public typealias script = HTMLRawTextElement<HTMLTag.script>
/// The `<style>` element; see ``HTMLWriter/appendStyleContent(_:)`` for escaping.
public typealias style = HTMLRawTextElement<HTMLTag.style>

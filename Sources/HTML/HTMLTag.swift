/// Tag definitions: each caseless enum carries its element name as a
/// `StaticString`, so opening and closing tags are copied, never built.
public enum HTMLTag {
    /// `<html>`
    public enum html: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "html" }
        @inlinable public static var openingTag: StaticString { "<html" }
        @inlinable public static var closingTag: StaticString { "</html>" }
    }
    /// `<head>`
    public enum head: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "head" }
        @inlinable public static var openingTag: StaticString { "<head" }
        @inlinable public static var closingTag: StaticString { "</head>" }
    }
    /// `<body>`
    public enum body: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "body" }
        @inlinable public static var openingTag: StaticString { "<body" }
        @inlinable public static var closingTag: StaticString { "</body>" }
    }
    /// `<title>`
    public enum title: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "title" }
        @inlinable public static var openingTag: StaticString { "<title" }
        @inlinable public static var closingTag: StaticString { "</title>" }
    }
    /// `<noscript>`
    public enum noscript: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "noscript" }
        @inlinable public static var openingTag: StaticString { "<noscript" }
        @inlinable public static var closingTag: StaticString { "</noscript>" }
    }
    /// `<header>`
    public enum header: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "header" }
        @inlinable public static var openingTag: StaticString { "<header" }
        @inlinable public static var closingTag: StaticString { "</header>" }
    }
    /// `<footer>`
    public enum footer: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "footer" }
        @inlinable public static var openingTag: StaticString { "<footer" }
        @inlinable public static var closingTag: StaticString { "</footer>" }
    }
    /// `<main>`
    public enum main: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "main" }
        @inlinable public static var openingTag: StaticString { "<main" }
        @inlinable public static var closingTag: StaticString { "</main>" }
    }
    /// `<nav>`
    public enum nav: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "nav" }
        @inlinable public static var openingTag: StaticString { "<nav" }
        @inlinable public static var closingTag: StaticString { "</nav>" }
    }
    /// `<section>`
    public enum section: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "section" }
        @inlinable public static var openingTag: StaticString { "<section" }
        @inlinable public static var closingTag: StaticString { "</section>" }
    }
    /// `<article>`
    public enum article: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "article" }
        @inlinable public static var openingTag: StaticString { "<article" }
        @inlinable public static var closingTag: StaticString { "</article>" }
    }
    /// `<aside>`
    public enum aside: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "aside" }
        @inlinable public static var openingTag: StaticString { "<aside" }
        @inlinable public static var closingTag: StaticString { "</aside>" }
    }
    /// `<div>`
    public enum div: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "div" }
        @inlinable public static var openingTag: StaticString { "<div" }
        @inlinable public static var closingTag: StaticString { "</div>" }
    }
    /// `<span>`
    public enum span: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "span" }
        @inlinable public static var openingTag: StaticString { "<span" }
        @inlinable public static var closingTag: StaticString { "</span>" }
    }
    /// `<p>`
    public enum p: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "p" }
        @inlinable public static var openingTag: StaticString { "<p" }
        @inlinable public static var closingTag: StaticString { "</p>" }
    }
    /// `<a>`
    public enum a: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "a" }
        @inlinable public static var openingTag: StaticString { "<a" }
        @inlinable public static var closingTag: StaticString { "</a>" }
    }
    /// `<h1>`
    public enum h1: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "h1" }
        @inlinable public static var openingTag: StaticString { "<h1" }
        @inlinable public static var closingTag: StaticString { "</h1>" }
    }
    /// `<h2>`
    public enum h2: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "h2" }
        @inlinable public static var openingTag: StaticString { "<h2" }
        @inlinable public static var closingTag: StaticString { "</h2>" }
    }
    /// `<h3>`
    public enum h3: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "h3" }
        @inlinable public static var openingTag: StaticString { "<h3" }
        @inlinable public static var closingTag: StaticString { "</h3>" }
    }
    /// `<h4>`
    public enum h4: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "h4" }
        @inlinable public static var openingTag: StaticString { "<h4" }
        @inlinable public static var closingTag: StaticString { "</h4>" }
    }
    /// `<h5>`
    public enum h5: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "h5" }
        @inlinable public static var openingTag: StaticString { "<h5" }
        @inlinable public static var closingTag: StaticString { "</h5>" }
    }
    /// `<h6>`
    public enum h6: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "h6" }
        @inlinable public static var openingTag: StaticString { "<h6" }
        @inlinable public static var closingTag: StaticString { "</h6>" }
    }
    /// `<ul>`
    public enum ul: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "ul" }
        @inlinable public static var openingTag: StaticString { "<ul" }
        @inlinable public static var closingTag: StaticString { "</ul>" }
    }
    /// `<ol>`
    public enum ol: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "ol" }
        @inlinable public static var openingTag: StaticString { "<ol" }
        @inlinable public static var closingTag: StaticString { "</ol>" }
    }
    /// `<li>`
    public enum li: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "li" }
        @inlinable public static var openingTag: StaticString { "<li" }
        @inlinable public static var closingTag: StaticString { "</li>" }
    }
    /// `<dl>`
    public enum dl: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "dl" }
        @inlinable public static var openingTag: StaticString { "<dl" }
        @inlinable public static var closingTag: StaticString { "</dl>" }
    }
    /// `<dt>`
    public enum dt: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "dt" }
        @inlinable public static var openingTag: StaticString { "<dt" }
        @inlinable public static var closingTag: StaticString { "</dt>" }
    }
    /// `<dd>`
    public enum dd: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "dd" }
        @inlinable public static var openingTag: StaticString { "<dd" }
        @inlinable public static var closingTag: StaticString { "</dd>" }
    }
    /// `<strong>`
    public enum strong: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "strong" }
        @inlinable public static var openingTag: StaticString { "<strong" }
        @inlinable public static var closingTag: StaticString { "</strong>" }
    }
    /// `<em>`
    public enum em: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "em" }
        @inlinable public static var openingTag: StaticString { "<em" }
        @inlinable public static var closingTag: StaticString { "</em>" }
    }
    /// `<small>`
    public enum small: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "small" }
        @inlinable public static var openingTag: StaticString { "<small" }
        @inlinable public static var closingTag: StaticString { "</small>" }
    }
    /// `<b>`
    public enum b: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "b" }
        @inlinable public static var openingTag: StaticString { "<b" }
        @inlinable public static var closingTag: StaticString { "</b>" }
    }
    /// `<i>`
    public enum i: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "i" }
        @inlinable public static var openingTag: StaticString { "<i" }
        @inlinable public static var closingTag: StaticString { "</i>" }
    }
    /// `<mark>`
    public enum mark: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "mark" }
        @inlinable public static var openingTag: StaticString { "<mark" }
        @inlinable public static var closingTag: StaticString { "</mark>" }
    }
    /// `<kbd>`
    public enum kbd: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "kbd" }
        @inlinable public static var openingTag: StaticString { "<kbd" }
        @inlinable public static var closingTag: StaticString { "</kbd>" }
    }
    /// `<code>`
    public enum code: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "code" }
        @inlinable public static var openingTag: StaticString { "<code" }
        @inlinable public static var closingTag: StaticString { "</code>" }
    }
    /// `<pre>`
    public enum pre: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "pre" }
        @inlinable public static var openingTag: StaticString { "<pre" }
        @inlinable public static var closingTag: StaticString { "</pre>" }
    }
    /// `<form>`
    public enum form: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "form" }
        @inlinable public static var openingTag: StaticString { "<form" }
        @inlinable public static var closingTag: StaticString { "</form>" }
    }
    /// `<fieldset>`
    public enum fieldset: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "fieldset" }
        @inlinable public static var openingTag: StaticString { "<fieldset" }
        @inlinable public static var closingTag: StaticString { "</fieldset>" }
    }
    /// `<legend>`
    public enum legend: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "legend" }
        @inlinable public static var openingTag: StaticString { "<legend" }
        @inlinable public static var closingTag: StaticString { "</legend>" }
    }
    /// `<label>`
    public enum label: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "label" }
        @inlinable public static var openingTag: StaticString { "<label" }
        @inlinable public static var closingTag: StaticString { "</label>" }
    }
    /// `<button>`
    public enum button: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "button" }
        @inlinable public static var openingTag: StaticString { "<button" }
        @inlinable public static var closingTag: StaticString { "</button>" }
    }
    /// `<select>`
    public enum select: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "select" }
        @inlinable public static var openingTag: StaticString { "<select" }
        @inlinable public static var closingTag: StaticString { "</select>" }
    }
    /// `<option>`
    public enum option: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "option" }
        @inlinable public static var openingTag: StaticString { "<option" }
        @inlinable public static var closingTag: StaticString { "</option>" }
    }
    /// `<optgroup>`
    public enum optgroup: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "optgroup" }
        @inlinable public static var openingTag: StaticString { "<optgroup" }
        @inlinable public static var closingTag: StaticString { "</optgroup>" }
    }
    /// `<textarea>`
    public enum textarea: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "textarea" }
        @inlinable public static var openingTag: StaticString { "<textarea" }
        @inlinable public static var closingTag: StaticString { "</textarea>" }
    }
    /// `<table>`
    public enum table: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "table" }
        @inlinable public static var openingTag: StaticString { "<table" }
        @inlinable public static var closingTag: StaticString { "</table>" }
    }
    /// `<caption>`
    public enum caption: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "caption" }
        @inlinable public static var openingTag: StaticString { "<caption" }
        @inlinable public static var closingTag: StaticString { "</caption>" }
    }
    /// `<thead>`
    public enum thead: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "thead" }
        @inlinable public static var openingTag: StaticString { "<thead" }
        @inlinable public static var closingTag: StaticString { "</thead>" }
    }
    /// `<tbody>`
    public enum tbody: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "tbody" }
        @inlinable public static var openingTag: StaticString { "<tbody" }
        @inlinable public static var closingTag: StaticString { "</tbody>" }
    }
    /// `<tfoot>`
    public enum tfoot: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "tfoot" }
        @inlinable public static var openingTag: StaticString { "<tfoot" }
        @inlinable public static var closingTag: StaticString { "</tfoot>" }
    }
    /// `<tr>`
    public enum tr: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "tr" }
        @inlinable public static var openingTag: StaticString { "<tr" }
        @inlinable public static var closingTag: StaticString { "</tr>" }
    }
    /// `<th>`
    public enum th: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "th" }
        @inlinable public static var openingTag: StaticString { "<th" }
        @inlinable public static var closingTag: StaticString { "</th>" }
    }
    /// `<td>`
    public enum td: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "td" }
        @inlinable public static var openingTag: StaticString { "<td" }
        @inlinable public static var closingTag: StaticString { "</td>" }
    }
    /// `<details>`
    public enum details: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "details" }
        @inlinable public static var openingTag: StaticString { "<details" }
        @inlinable public static var closingTag: StaticString { "</details>" }
    }
    /// `<summary>`
    public enum summary: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "summary" }
        @inlinable public static var openingTag: StaticString { "<summary" }
        @inlinable public static var closingTag: StaticString { "</summary>" }
    }
    /// `<dialog>`
    public enum dialog: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "dialog" }
        @inlinable public static var openingTag: StaticString { "<dialog" }
        @inlinable public static var closingTag: StaticString { "</dialog>" }
    }
    /// `<time>`
    public enum time: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "time" }
        @inlinable public static var openingTag: StaticString { "<time" }
        @inlinable public static var closingTag: StaticString { "</time>" }
    }
    /// `<abbr>`
    public enum abbr: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "abbr" }
        @inlinable public static var openingTag: StaticString { "<abbr" }
        @inlinable public static var closingTag: StaticString { "</abbr>" }
    }
    /// `<figure>`
    public enum figure: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "figure" }
        @inlinable public static var openingTag: StaticString { "<figure" }
        @inlinable public static var closingTag: StaticString { "</figure>" }
    }
    /// `<figcaption>`
    public enum figcaption: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "figcaption" }
        @inlinable public static var openingTag: StaticString { "<figcaption" }
        @inlinable public static var closingTag: StaticString { "</figcaption>" }
    }
    /// `<blockquote>`
    public enum blockquote: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "blockquote" }
        @inlinable public static var openingTag: StaticString { "<blockquote" }
        @inlinable public static var closingTag: StaticString { "</blockquote>" }
    }
    /// `<output>`
    public enum output: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "output" }
        @inlinable public static var openingTag: StaticString { "<output" }
        @inlinable public static var closingTag: StaticString { "</output>" }
    }
    /// `<progress>`
    public enum progress: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "progress" }
        @inlinable public static var openingTag: StaticString { "<progress" }
        @inlinable public static var closingTag: StaticString { "</progress>" }
    }
    /// `<template>`
    public enum template: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "template" }
        @inlinable public static var openingTag: StaticString { "<template" }
        @inlinable public static var closingTag: StaticString { "</template>" }
    }
    /// `<meta>`
    public enum meta: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "meta" }
        @inlinable public static var openingTag: StaticString { "<meta" }
        @inlinable public static var closingTag: StaticString { "</meta>" }
    }
    /// `<link>`
    public enum link: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "link" }
        @inlinable public static var openingTag: StaticString { "<link" }
        @inlinable public static var closingTag: StaticString { "</link>" }
    }
    /// `<br>`
    public enum br: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "br" }
        @inlinable public static var openingTag: StaticString { "<br" }
        @inlinable public static var closingTag: StaticString { "</br>" }
    }
    /// `<hr>`
    public enum hr: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "hr" }
        @inlinable public static var openingTag: StaticString { "<hr" }
        @inlinable public static var closingTag: StaticString { "</hr>" }
    }
    /// `<img>`
    public enum img: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "img" }
        @inlinable public static var openingTag: StaticString { "<img" }
        @inlinable public static var closingTag: StaticString { "</img>" }
    }
    /// `<input>`
    public enum input: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "input" }
        @inlinable public static var openingTag: StaticString { "<input" }
        @inlinable public static var closingTag: StaticString { "</input>" }
    }
    /// `<script>`
    public enum script: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "script" }
        @inlinable public static var openingTag: StaticString { "<script" }
        @inlinable public static var closingTag: StaticString { "</script>" }
    }
    /// `<style>`
    public enum style: HTMLTagDefinition {
        @inlinable public static var name: StaticString { "style" }
        @inlinable public static var openingTag: StaticString { "<style" }
        @inlinable public static var closingTag: StaticString { "</style>" }
    }
}

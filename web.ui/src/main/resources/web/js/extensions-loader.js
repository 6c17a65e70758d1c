// Loads the active extensions' scripts and stylesheets (/ExtensionFile/...) into the page, and drops the ones whose
// extension is gone. Called at start and again whenever the extension list changes.
import { el } from './ui.js';
import { takeEarly } from './api.js';

async function listing() {
  const pending = takeEarly('extensions');
  if (pending) {
    try {
      return JSON.parse(await pending);
    } catch (e) {
      // Asked again below.
    }
  }
  return (await fetch('ExtensionAssets', { cache: 'no-store' })).json();
}

export async function loadExtensionAssets() {
  let list;
  try {
    list = (await listing()).extensions || [];
  } catch (e) {
    return;
  }
  const wanted = new Set();
  for (const ext of list) {
    for (const href of ext.styles) {
      wanted.add(href);
      if (!document.querySelector(`link[data-extension-asset="${CSS.escape(href)}"]`)) {
        document.head.append(el('link', { rel: 'stylesheet', href, 'data-extension-asset': href, 'data-extension': ext.extension }));
      }
    }
    for (const src of ext.scripts) {
      wanted.add(src);
      if (!document.querySelector(`script[data-extension-asset="${CSS.escape(src)}"]`)) {
        document.head.append(el('script', { src, 'data-extension-asset': src, 'data-extension': ext.extension }));
      }
    }
  }
  for (const node of document.querySelectorAll('[data-extension-asset]')) {
    if (!wanted.has(node.dataset.extensionAsset)) {
      node.remove();
      // What a removed extension's script put into the page goes with it when the script marked it with its name.
      for (const added of document.querySelectorAll(`[data-from-extension="${CSS.escape(node.dataset.extension)}"]`)) {
        added.remove();
      }
    }
  }
}

import init from './yew_floor.js';
await init({ module_or_path: new URL('./yew_floor_bg.wasm', import.meta.url) });

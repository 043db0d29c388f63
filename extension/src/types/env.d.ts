// The root tsconfig only loads Node's types; extension code also runs against the chrome.* API.
/// <reference types="chrome" />

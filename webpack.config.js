/* eslint-disable @typescript-eslint/no-require-imports */
// Webpack build for Lumive for Excel: task pane, custom functions and ribbon commands go into ONE
// page (taskpane.html) because the add-in uses a shared runtime (see manifest.xml).
//
//   npm run build                     production build into dist/, manifest URLs stay on https://localhost:3000/
//   LUMIVE_PUBLIC_URL=https://cdn.example.com/lumive/ npm run build
//                                     production build whose manifest points every URL at that address
//   LUMIVE_OUT_DIR=/tmp/out           write the build somewhere other than dist/ (used by the tests;
//                                     the directory is emptied first: output.clean)
//   npm start                         dev server on https://localhost:3000 (certificates from
//                                     ~/.office-addin-dev-certs/ when present)
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { referenceHtml } = require('./scripts/function-reference.cjs');
const { BundleSizePlugin } = require('./scripts/bundle-size.cjs');

const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/**
 * Checks LUMIVE_PUBLIC_URL: it must be an absolute https URL ending with "/".
 * Returns the URL, or undefined when it is not set. Throws a clear Error otherwise.
 */
function publicUrlFrom(value) {
  if (value === undefined || value.trim() === '') return undefined;
  const url = value.trim();
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`LUMIVE_PUBLIC_URL is not a valid URL: "${url}". Example: https://cdn.example.com/lumive/`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(
      `LUMIVE_PUBLIC_URL must use https (Office only loads add-ins over https), got "${url}". ` +
        'Example: https://cdn.example.com/lumive/',
    );
  }
  if (!url.endsWith('/')) {
    throw new Error(`LUMIVE_PUBLIC_URL must end with "/", got "${url}". Did you mean "${url}/"?`);
  }
  return url;
}

/** Rewrites every https://localhost:3000/ URL in a text (the manifest, functions.json) to the public URL. */
function rewriteManifest(content, publicUrl) {
  return content.toString('utf8').split(DEV_URL).join(publicUrl);
}

/**
 * Rewrites https://localhost:3000/ in generated assets (functions.json carries @helpurl links) to the
 * public URL. manifest.xml is rewritten while it is copied (CopyWebpackPlugin transform).
 */
class RewriteDevUrlPlugin {
  constructor(publicUrl, files) {
    this.publicUrl = publicUrl;
    this.files = files;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LumiveRewriteDevUrl', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LumiveRewriteDevUrl', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          for (const file of this.files) {
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const text = asset.source.source().toString();
            compilation.updateAsset(file, new webpack.sources.RawSource(rewriteManifest(text, this.publicUrl)));
          }
        },
      );
    });
  }
}

/**
 * Writes help.html (the function reference every @helpurl points at) from functions.json, the
 * metadata CustomFunctionsMetadataPlugin generated from the JSDoc in the same compilation.
 */
class FunctionReferencePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LumiveFunctionReference', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LumiveFunctionReference', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const metadata = compilation.getAsset('functions.json');
          if (!metadata) return;
          const { functions } = JSON.parse(metadata.source.source().toString());
          compilation.emitAsset('help.html', new webpack.sources.RawSource(referenceHtml(functions)));
        },
      );
    });
  }
}

/** https settings for the dev server: the Office dev certificates when they exist. */
function devServerHttps() {
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(CERT_DIR, f)]));
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return {
      type: 'https',
      options: {
        key: fs.readFileSync(paths.key),
        cert: fs.readFileSync(paths.cert),
        ca: fs.readFileSync(paths.ca),
      },
    };
  }
  console.warn(
    `[lumive] No Office dev certificates in ${CERT_DIR}; serving https with a self-signed certificate ` +
      'that Excel will not trust. Run "npx office-addin-dev-certs install" once to create trusted ones.',
  );
  return 'https';
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'development';
  const isProduction = mode === 'production';
  const publicUrl = publicUrlFrom(process.env.LUMIVE_PUBLIC_URL);
  const outDir = process.env.LUMIVE_OUT_DIR ? path.resolve(process.env.LUMIVE_OUT_DIR) : path.resolve(__dirname, 'dist');
  const rewriteTo = isProduction ? publicUrl : undefined;

  if (isProduction && !publicUrl) {
    console.warn(
      `[lumive] LUMIVE_PUBLIC_URL is not set: manifest.xml keeps ${DEV_URL} (fine for sideloading with ` +
        '"npm start"). For deployment: LUMIVE_PUBLIC_URL=https://your.host/path/ npm run build',
    );
  } else if (!isProduction && publicUrl) {
    console.warn(`[lumive] LUMIVE_PUBLIC_URL is only applied to production builds; ${mode} keeps ${DEV_URL}`);
  }

  return {
    mode,
    context: __dirname,
    devtool: 'source-map',
    // Shared runtime: the three bundles run in one page, so they must share one webpack runtime and one
    // module registry. functions.js keeps the runtime and every module it contains; commands and the
    // task pane depend on it and reuse those modules instead of carrying their own copies, so the task
    // pane and the custom functions see ONE instance of each module (engine state included).
    entry: {
      functions: './src/functions/entry.ts',
      commands: { import: './src/commands/commands.ts', dependOn: 'functions' },
      taskpane: { import: './src/taskpane/index.ts', dependOn: 'functions' },
      // The engine's Web Worker (src/app/engine-worker.ts): a JavaScript realm of its own, so its own
      // runtime and its own copy of the engine; a stable name next to taskpane.html, which starts it
      // by that relative URL (same origin, no blob: URL). Chunks it might load come by importScripts.
      'engine-worker': { import: './src/taskpane/engine-worker-main.ts', filename: 'engine-worker.js', chunkLoading: 'import-scripts' },
    },
    output: {
      path: outDir,
      // Stable names: the manifest refers to functions.js directly.
      filename: '[name].js',
      // Chunks loaded on demand (dynamic import() with a webpackChunkName) keep a readable name; the
      // content hash makes a changed chunk a new URL, so a cached old copy is never used.
      chunkFilename: '[name].[contenthash:8].js',
      // Lazy chunks load relative to the page, and taskpane.html sits in the same folder as taskpane.js
      // (dist/ locally, LUMIVE_PUBLIC_URL deployed). Not 'auto': it reads document.currentScript when
      // functions.js starts and throws where there is no document (the build tests' vm).
      publicPath: '',
      // The bundles find each other through a global array (webpackChunklumive_excel). Hang it on
      // globalThis rather than webpack's default `self`, so functions.js also runs where there is no
      // `self` (a bare JavaScript context such as the build tests' vm).
      globalObject: 'globalThis',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; the build only transpiles.
            options: { transpileOnly: true },
          },
        },
        // The engine is pure (no module runs anything on import), so what a bundle does not use of the
        // engine's front door (src/engine/index.ts) is left out: the custom functions need the formulas,
        // not the analysis.
        { test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false },
      ],
    },
    plugins: [
      // Generates functions.json from the JSDoc tags; its loader appends CustomFunctions.associate()
      // calls to functions.ts.
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: path.resolve(__dirname, 'src/functions/functions.ts'),
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // Shared runtime: functions register first, then commands, then the task pane UI.
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { context: __dirname, from: 'src/assets/*.png', to: 'assets/[name][ext]' },
          {
            context: __dirname,
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: rewriteTo ? (content) => rewriteManifest(content, rewriteTo) : undefined,
          },
        ],
      }),
      new FunctionReferencePlugin(),
      ...(rewriteTo ? [new RewriteDevUrlPlugin(rewriteTo, ['functions.json'])] : []),
      // Prints the minified and gzip sizes (loaded at start / on demand), writes bundle-size.json.
      ...(isProduction ? [new BundleSizePlugin({ onDemandEntries: ['engine-worker'] })] : []),
    ],
    // The file readers (exceljs, papaparse) stay in their one on-demand chunk, report-reader.*.js,
    // rather than a separately numbered vendor chunk: one request when the user imports a file.
    optimization: { splitChunks: { cacheGroups: { defaultVendors: false, default: false } } },
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? devServerHttps() : 'https',
      static: false,
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.publicUrlFrom = publicUrlFrom;
module.exports.rewriteManifest = rewriteManifest;

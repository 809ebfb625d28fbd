// Entry of the custom functions bundle. The shim must come first: it defines a stand-in
// `CustomFunctions` global in a browser outside Excel before ./functions registers its functions.
import './preview-shim';
import './functions';

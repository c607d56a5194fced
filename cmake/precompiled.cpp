// The translation unit of the precompiled-header targets (cmake/WharfHelpers.cmake): the
// headers are the point, there is nothing to compile here.

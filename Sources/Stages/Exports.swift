// `import Stages` gives a user every role of the built-in stages and the core they build on:
// the standard pipeline needs them all, and a user who writes a stage needs the layers of the
// roles below it. A user who needs one role imports its module alone (README, "Products").
@_exported public import Pipeline
@_exported public import TextGraphEntities
@_exported public import TextGraphInput
@_exported public import TextGraphOutput
@_exported public import TextGraphParliament
@_exported public import TextGraphRelations
@_exported public import TextGraphSegmentation
@_exported public import TextGraphSupport

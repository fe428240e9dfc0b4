// Test only: a marker node that must survive a server restart. params: $id
CREATE (:CkgTestMarker {id: $id})

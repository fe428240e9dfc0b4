// Test only: how many marker nodes carry this id. params: $id. columns: markers
MATCH (m:CkgTestMarker {id: $id})
RETURN count(m) AS markers

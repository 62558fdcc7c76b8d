module bridgegen.local/gosurface

go 1.22

# An image member can be imported using `<image_id>:<member_id>`, e.g.
terraform import kakaocloud_image_member.member 3d3b2f0e-9a55-4a4e-8c43-6a2f5d3b1c10:b1c2d3e4f5a60718293a4b5c6d7e8f90
